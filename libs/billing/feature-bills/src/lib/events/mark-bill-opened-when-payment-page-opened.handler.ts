import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillOpenedV1 } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { PaymentPageOpenedV1Payload } from '@kessai/payment-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler, UnprocessableEventError } from '@kessai/shared-messaging';
import { BillEventsMapper } from '../http/bill-events.mapper';
import { BillEventPublisher } from '../webhooks/bill-event.publisher';

/** → opened, the first time the customer opens the link only; later openings change nothing. */
@Injectable()
export class MarkBillOpenedWhenPaymentPageOpenedHandler implements EventHandler<PaymentPageOpenedV1Payload> {
  constructor(
    private readonly bills: BillRepository,
    private readonly events: BillEventPublisher,
  ) {}

  async handle(event: EventEnvelope<PaymentPageOpenedV1Payload>, transaction: EntityManager): Promise<void> {
    const bill = await this.bills.lockOfMerchant(transaction, event.merchantId, event.payload.billId);
    if (!bill) throw new UnprocessableEventError(`bill ${event.payload.billId} is unknown for merchant ${event.merchantId}`);
    const opened = bill.markOpened(new Date(event.payload.openedAt));
    if (!opened) return;
    await this.bills.update(transaction, opened);
    await this.events.publish(transaction, BillOpenedV1, { merchantId: bill.merchantId, payload: BillEventsMapper.opened(opened) });
  }
}
