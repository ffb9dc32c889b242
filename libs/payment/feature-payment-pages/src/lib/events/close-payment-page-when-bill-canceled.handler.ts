import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillCanceledV1Payload } from '@kessai/billing-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';
import { closePaymentPage } from './close-payment-page';

/** A bill canceled in billing: its payment link shows a "canceled" page instead of the payment form. */
@Injectable()
export class ClosePaymentPageWhenBillCanceledHandler implements EventHandler<BillCanceledV1Payload> {
  async handle(event: EventEnvelope<BillCanceledV1Payload>, transaction: EntityManager): Promise<void> {
    await closePaymentPage(transaction, event.payload.billId, 'canceled', new Date(event.payload.canceledAt));
  }
}
