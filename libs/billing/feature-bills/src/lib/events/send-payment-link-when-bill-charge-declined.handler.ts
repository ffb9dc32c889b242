import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillRepository } from '@kessai/billing-data-access';
import { BillChargeDeclinedV1Payload } from '@kessai/recurring-contracts';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler, UnprocessableEventError } from '@kessai/shared-messaging';
import { BillSmsScheduler } from '../sms/bill-sms.scheduler';

/**
 * The mandate's card was declined: the bill falls back to its payment link, so the customer can still pay it
 * (another card, konbini, wallet). A redelivered decline queues no second SMS.
 */
@Injectable()
export class SendPaymentLinkWhenBillChargeDeclinedHandler implements EventHandler<BillChargeDeclinedV1Payload> {
  constructor(
    private readonly bills: BillRepository,
    private readonly sms: BillSmsScheduler,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<BillChargeDeclinedV1Payload>, transaction: EntityManager): Promise<void> {
    const { billId, declineCode } = event.payload;
    const bill = await this.bills.lockOfMerchant(transaction, event.merchantId, billId);
    if (!bill) throw new UnprocessableEventError(`charge ${event.payload.chargeKey} is for bill ${billId}, unknown for merchant ${event.merchantId}`);
    const declined = bill.markAutoChargeDeclined(declineCode);
    if (!declined) return;
    const stored = declined.customerPhone ? await this.sms.schedule(transaction, declined, 'payment-link', this.clock.now()) : declined;
    await this.bills.update(transaction, stored);
  }
}
