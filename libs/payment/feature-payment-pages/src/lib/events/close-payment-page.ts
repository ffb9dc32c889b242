import { EntityManager, In } from 'typeorm';
import { PaymentPageEntity } from '@kessai/payment-data-access';
import type { PaymentPageStatus } from '@kessai/payment-domain';

/** Closes the page of a bill billing closed; a page already paid stays paid (an expiry racing a payment). */
export async function closePaymentPage(transaction: EntityManager, billId: string, status: Exclude<PaymentPageStatus, 'awaiting-payment'>, at: Date): Promise<void> {
  const from: PaymentPageStatus[] = status === 'paid' ? ['awaiting-payment', 'expired', 'canceled'] : ['awaiting-payment'];
  await transaction.update(PaymentPageEntity, { billId, status: In(from) }, { status, closedAt: at });
}
