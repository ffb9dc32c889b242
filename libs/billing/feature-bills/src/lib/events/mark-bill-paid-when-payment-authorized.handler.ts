import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PaymentAuthorizedV1Payload } from '@kessai/payment-contracts';
import { PaymentMethod } from '@kessai/billing-domain';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';
import { MarkBillPaidHandler } from '../commands/mark-bill-paid/mark-bill-paid.handler';

@Injectable()
export class MarkBillPaidWhenPaymentAuthorizedHandler implements EventHandler<PaymentAuthorizedV1Payload> {
  constructor(private readonly markBillPaid: MarkBillPaidHandler) {}

  async handle(event: EventEnvelope<PaymentAuthorizedV1Payload>, transaction: EntityManager): Promise<void> {
    const { billId, paymentId, paymentMethod, authorizedAt } = event.payload;
    if (!billId) return;
    await this.markBillPaid.execute(transaction, {
      merchantId: event.merchantId,
      billId,
      paymentId,
      paymentMethod: paymentMethod as PaymentMethod,
      paidAt: new Date(authorizedAt),
    });
  }
}
