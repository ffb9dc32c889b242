import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillRepository } from '@kessai/billing-data-access';
import { PaymentFailedV1Payload } from '@kessai/payment-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';

/** A declined or failed payment is recorded against the bill, which stays open for another try. */
@Injectable()
export class RecordAttemptWhenPaymentFailedHandler implements EventHandler<PaymentFailedV1Payload> {
  constructor(private readonly bills: BillRepository) {}

  async handle(event: EventEnvelope<PaymentFailedV1Payload>, transaction: EntityManager): Promise<void> {
    const { billId, paymentId, paymentMethod, reasonCode, failedAt } = event.payload;
    if (!billId) return;
    const bill = await this.bills.lockOfMerchant(transaction, event.merchantId, billId);
    if (!bill) return;
    const recorded = await this.bills.recordPaymentAttempt(transaction, {
      paymentId,
      outcome: 'failed',
      billId,
      paymentMethod,
      reasonCode,
      occurredAt: new Date(failedAt),
    });
    if (recorded) await this.bills.update(transaction, bill.recordFailedPayment());
  }
}
