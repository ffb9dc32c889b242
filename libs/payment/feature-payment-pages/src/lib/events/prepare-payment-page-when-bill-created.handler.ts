import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillCreatedV1Payload } from '@kessai/billing-contracts';
import { PaymentPageEntity } from '@kessai/payment-data-access';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';

/** A new bill gets a payment page the customer can open from the SMS link. */
@Injectable()
export class PreparePaymentPageWhenBillCreatedHandler implements EventHandler<BillCreatedV1Payload> {
  constructor(private readonly clock: Clock) {}

  async handle(event: EventEnvelope<BillCreatedV1Payload>, transaction: EntityManager): Promise<void> {
    const bill = event.payload;
    await transaction.insert(PaymentPageEntity, {
      billId: bill.billId,
      merchantId: event.merchantId,
      amount: bill.amount,
      currency: bill.currency,
      dueDate: bill.dueDate,
      allowedPaymentMethods: bill.allowedPaymentMethods,
      status: 'awaiting-payment',
      createdAt: this.clock.now(),
      merchantBillNumber: bill.merchantBillNumber,
      linkToken: bill.paymentLinkToken ?? null,
      linkExpiresAt: bill.paymentLinkExpiresAt ? new Date(bill.paymentLinkExpiresAt) : null,
      customerName: bill.customerName ?? null,
      customerPhone: bill.customerPhone ?? null,
      taxAmount: bill.taxAmount ?? null,
      lineItems: bill.lineItems?.map(({ description, quantity, unitAmount }) => ({ description, quantity, unitAmount })) ?? null,
      message: bill.message ?? null,
    });
  }
}
