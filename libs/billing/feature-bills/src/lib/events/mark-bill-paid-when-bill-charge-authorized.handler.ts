import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillAutoChargeRefusedV1, BillAutoChargeRefusedV1Payload, BillPaidV1 } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { BillChargeAuthorizedV1Payload } from '@kessai/recurring-contracts';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler, OutboxWriter, UnprocessableEventError } from '@kessai/shared-messaging';
import { BillEventsMapper } from '../http/bill-events.mapper';
import { BillSmsScheduler } from '../sms/bill-sms.scheduler';
import { BillEventPublisher } from '../webhooks/bill-event.publisher';

/**
 * The recurring engine charged the bill to the customer's mandate: the bill is paid by card and the customer
 * gets a receipt SMS (instead of the payment link). A redelivered answer changes nothing. A bill that can no
 * longer be paid (canceled, expired or paid otherwise while the charge was under way) refuses the money: the
 * engine is told to release the authorization, so the customer is not charged.
 */
@Injectable()
export class MarkBillPaidWhenBillChargeAuthorizedHandler implements EventHandler<BillChargeAuthorizedV1Payload> {
  private readonly logger = new Logger(MarkBillPaidWhenBillChargeAuthorizedHandler.name);

  constructor(
    private readonly bills: BillRepository,
    private readonly events: BillEventPublisher,
    private readonly sms: BillSmsScheduler,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<BillChargeAuthorizedV1Payload>, transaction: EntityManager): Promise<void> {
    const { billId, authorizationId, authorizedAt, chargeKey } = event.payload;
    const bill = await this.bills.lockOfMerchant(transaction, event.merchantId, billId);
    if (!bill) throw new UnprocessableEventError(`charge ${event.payload.chargeKey} is for bill ${billId}, unknown for merchant ${event.merchantId}`);
    const paidAt = new Date(authorizedAt);
    try {
      const paid = bill.markAutoChargeAuthorized({ paymentId: authorizationId, paymentMethod: 'card', paidAt });
      if (!paid) return;
      await this.bills.update(transaction, paid);
      await this.bills.recordPaymentAttempt(transaction, { paymentId: authorizationId, outcome: 'paid', billId, paymentMethod: 'card', occurredAt: paidAt });
      await this.events.publish(transaction, BillPaidV1, { merchantId: bill.merchantId, payload: BillEventsMapper.paid(paid) });
      await this.sms.queueReceipt(transaction, paid, this.clock.now());
    } catch (error) {
      if (!(error instanceof BillingException)) throw error;
      this.logger.warn(`automatic charge ${authorizationId} for bill ${billId} refused, its authorization is released: ${error.message}`);
      await this.outbox.add(transaction, BillAutoChargeRefusedV1, {
        merchantId: bill.merchantId,
        payload: Object.assign(new BillAutoChargeRefusedV1Payload(), { billId, chargeKey, authorizationId, reason: `${error.code}: ${error.message}`.slice(0, 200) }),
      });
    }
  }
}
