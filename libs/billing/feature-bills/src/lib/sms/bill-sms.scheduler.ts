import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillScheduledV1 } from '@kessai/billing-contracts';
import { SmsQueueRepository } from '@kessai/billing-data-access';
import { Bill, nextMomentInWindow, paymentLinkSms, receiptSms } from '@kessai/billing-domain';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';
import { BillEventsMapper } from '../http/bill-events.mapper';
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
    const notBefore = nextMomentInWindow(earliest, window);
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
      notBefore,
      now,
    });
    if (scheduled.status !== bill.status) {
      await this.events.publish(transaction, BillScheduledV1, { merchantId: bill.merchantId, payload: BillEventsMapper.scheduled(bill, kind, notBefore) });
    }
    return scheduled;
  }

  /** The receipt of a bill paid automatically with the customer's registered card, sent in the sending window. */
  async queueReceipt(transaction: EntityManager, bill: Bill, now: Date): Promise<void> {
    if (!bill.customerPhone) return;
    const window = (await this.queue.windowOf(transaction, bill.merchantId)) ?? this.options.defaultSendingWindow;
    await this.queue.enqueue(transaction, {
      merchantId: bill.merchantId,
      billId: bill.id,
      kind: 'receipt',
      toPhone: bill.customerPhone,
      body: receiptSms({ amount: bill.amount.minorUnits, currency: bill.amount.currencyCode, merchantBillNumber: bill.merchantBillNumber }),
      notBefore: nextMomentInWindow(now, window),
      now,
    });
  }
}
