import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SmsQueueRepository } from '@kessai/billing-data-access';
import { Bill, nextMomentInWindow, paymentLinkSms } from '@kessai/billing-domain';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';
import { paymentLinkUrl } from '../http/bill.response';
import { BillEventPublisher } from '../webhooks/bill-event.publisher';

/** Queues a bill's SMS (link or reminder) for the first moment inside the merchant's sending window. */
@Injectable()
export class BillSmsScheduler {
  constructor(
    private readonly queue: SmsQueueRepository,
    private readonly events: BillEventPublisher,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  /** Returns the bill as scheduled; the caller stores it in the same transaction. */
  async schedule(transaction: EntityManager, bill: Bill, kind: 'payment-link' | 'reminder', now: Date): Promise<Bill> {
    const scheduled = bill.schedule();
    const window = (await this.queue.windowOf(transaction, bill.merchantId)) ?? this.options.defaultSendingWindow;
    const earliest = bill.sendAt && bill.sendAt > now && kind === 'payment-link' ? bill.sendAt : now;
    await this.queue.enqueue(transaction, {
      merchantId: bill.merchantId,
      billId: bill.id,
      kind,
      toPhone: bill.customerPhone as string,
      body: paymentLinkSms({
        kind,
        amount: bill.amount.minorUnits,
        currency: bill.amount.currencyCode,
        dueDate: bill.dueDate,
        url: paymentLinkUrl(this.options.paymentScreenPublicUrl, bill.paymentLinkToken),
      }),
      notBefore: nextMomentInWindow(earliest, window),
      now,
    });
    if (scheduled.status !== bill.status) {
      await this.events.publishWebhookOnly(transaction, bill.merchantId, 'billing.bill.scheduled', { billId: bill.id, sendAfter: earliest.toISOString() });
    }
    return scheduled;
  }
}
