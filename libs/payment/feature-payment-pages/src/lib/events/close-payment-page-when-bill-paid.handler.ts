import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillPaidV1Payload } from '@kessai/billing-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';
import { closePaymentPage } from './close-payment-page';

/** A bill paid in billing: its payment link shows a "paid" page instead of the payment form. */
@Injectable()
export class ClosePaymentPageWhenBillPaidHandler implements EventHandler<BillPaidV1Payload> {
  async handle(event: EventEnvelope<BillPaidV1Payload>, transaction: EntityManager): Promise<void> {
    await closePaymentPage(transaction, event.payload.billId, 'paid', new Date(event.payload.paidAt));
  }
}
