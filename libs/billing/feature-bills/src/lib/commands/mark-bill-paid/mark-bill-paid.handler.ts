import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillPaidV1 } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { BillingException, PaymentMethod } from '@kessai/billing-domain';
import { UnprocessableEventError } from '@kessai/shared-messaging';
import { BillEventsMapper } from '../../http/bill-events.mapper';
import { BillEventPublisher } from '../../webhooks/bill-event.publisher';

export interface BillPaymentReceived {
  merchantId: string;
  billId: string;
  paymentId: string;
  paymentMethod: PaymentMethod;
  paidAt: Date;
}

/**
 * open (or expired) → paid. A bill is paid once its payment is authorized (card, wallet) or paid at the store
 * (konbini); the authorization and the capture of the same payment both arrive, the second changes nothing.
 */
@Injectable()
export class MarkBillPaidHandler {
  private readonly logger = new Logger(MarkBillPaidHandler.name);

  constructor(
    private readonly bills: BillRepository,
    private readonly events: BillEventPublisher,
  ) {}

  async execute(transaction: EntityManager, payment: BillPaymentReceived): Promise<void> {
    const bill = await this.bills.lockOfMerchant(transaction, payment.merchantId, payment.billId);
    if (!bill) throw new UnprocessableEventError(`payment ${payment.paymentId} is for bill ${payment.billId}, unknown for merchant ${payment.merchantId}`);
    try {
      const paid = bill.markPaid({ paymentId: payment.paymentId, paymentMethod: payment.paymentMethod, paidAt: payment.paidAt });
      if (!paid) return;
      await this.bills.update(transaction, paid);
      await this.bills.recordPaymentAttempt(transaction, {
        paymentId: payment.paymentId,
        outcome: 'paid',
        billId: bill.id,
        paymentMethod: payment.paymentMethod,
        occurredAt: payment.paidAt,
      });
      await this.events.publish(transaction, BillPaidV1, { merchantId: bill.merchantId, payload: BillEventsMapper.paid(paid) });
    } catch (error) {
      // Paid twice, or paid after cancellation: money came in that an operator must refund; dead-letter it.
      if (error instanceof BillingException) {
        this.logger.warn(`payment ${payment.paymentId} for bill ${bill.id}: ${error.message}`);
        throw new UnprocessableEventError(`${error.code}: ${error.message}`);
      }
      throw error;
    }
  }
}
