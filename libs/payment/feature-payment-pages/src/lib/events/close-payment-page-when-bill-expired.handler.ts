import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillExpiredV1Payload } from '@kessai/billing-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';
import { closePaymentPage } from './close-payment-page';

/** A bill expired in billing: its payment link shows a "expired" page instead of the payment form. */
@Injectable()
export class ClosePaymentPageWhenBillExpiredHandler implements EventHandler<BillExpiredV1Payload> {
  async handle(event: EventEnvelope<BillExpiredV1Payload>, transaction: EntityManager): Promise<void> {
    await closePaymentPage(transaction, event.payload.billId, 'expired', new Date(event.payload.expiredAt));
  }
}
