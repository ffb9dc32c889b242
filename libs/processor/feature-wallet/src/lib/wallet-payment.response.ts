import type { WalletPaymentResponse } from '@kessai/processor-contracts';
import type { WalletPaymentEntity } from '@kessai/processor-data-access';

export function toWalletPaymentResponse(payment: WalletPaymentEntity, publicUrl: string): WalletPaymentResponse {
  return {
    paymentId: payment.id,
    merchantId: payment.merchantId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    redirectUrl: `${publicUrl}/v1/wallet/payments/${payment.id}/approve`,
  };
}
