import { Bill, BillLineItem } from '@kessai/billing-domain';

export interface BillResponse {
  id: string;
  merchantBillNumber: string;
  amount: number;
  currency: string;
  taxAmount: number | null;
  dueDate: string;
  allowedPaymentMethods: string[];
  customerName: string | null;
  /** E.164. */
  customerPhone: string | null;
  lineItems: BillLineItem[];
  message: string | null;
  sendAt: string | null;
  status: string;
  paymentLink: { url: string; expiresAt: string };
  createdAt: string;
  sentAt: string | null;
  openedAt: string | null;
  payment: { paymentId: string; paymentMethod: string; paidAt: string } | null;
  closedAt: string | null;
  closedReason: string | null;
  failedPaymentAttempts: number;
  /** Present when the customer has a mandate: the bill is charged to the registered card instead of a link. */
  autoCharge?: { mandateId: string; status: 'requested' | 'authorized' | 'declined'; declineCode?: string };
}

export function paymentLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/p/${token}`;
}

export function toBillResponse(bill: Bill, paymentScreenPublicUrl: string): BillResponse {
  return {
    id: bill.id,
    merchantBillNumber: bill.merchantBillNumber,
    amount: bill.amount.minorUnits,
    currency: bill.amount.currencyCode,
    taxAmount: bill.taxAmount ?? null,
    dueDate: bill.dueDate,
    allowedPaymentMethods: bill.allowedPaymentMethods,
    customerName: bill.customerName ?? null,
    customerPhone: bill.customerPhone ?? null,
    lineItems: bill.lineItems,
    message: bill.message ?? null,
    sendAt: bill.sendAt?.toISOString() ?? null,
    status: bill.status,
    paymentLink: { url: paymentLinkUrl(paymentScreenPublicUrl, bill.paymentLinkToken), expiresAt: bill.paymentLinkExpiresAt.toISOString() },
    createdAt: bill.createdAt.toISOString(),
    sentAt: bill.sentAt?.toISOString() ?? null,
    openedAt: bill.openedAt?.toISOString() ?? null,
    payment: bill.payment ? { ...bill.payment, paidAt: bill.payment.paidAt.toISOString() } : null,
    closedAt: bill.closedAt?.toISOString() ?? null,
    closedReason: bill.closedReason ?? null,
    failedPaymentAttempts: bill.failedPaymentAttempts,
    autoCharge: bill.autoCharge && { ...bill.autoCharge },
  };
}
