import type { KonbiniSlipResponse } from '@kessai/processor-contracts';
import type { KonbiniPaymentEntity } from '@kessai/processor-data-access';

export function toKonbiniSlipResponse(payment: KonbiniPaymentEntity): KonbiniSlipResponse {
  return {
    paymentId: payment.id,
    merchantId: payment.merchantId,
    amount: payment.amount,
    currency: payment.currency,
    chain: payment.chain,
    receiptNumber: payment.receiptNumber,
    confirmationNumber: payment.confirmationNumber,
    deadline: payment.deadline.toISOString(),
    status: payment.status,
    paidAt: payment.paidAt?.toISOString() ?? null,
  };
}
