import { Bill } from '@kessai/billing-domain';

export interface BillResponse {
  id: string;
  merchantBillNumber: string;
  amount: number;
  currency: string;
  dueDate: string;
  allowedPaymentMethods: string[];
  status: string;
}

export function toBillResponse(bill: Bill): BillResponse {
  return {
    id: bill.id,
    merchantBillNumber: bill.merchantBillNumber,
    amount: bill.amount.minorUnits,
    currency: bill.amount.currencyCode,
    dueDate: bill.dueDate,
    allowedPaymentMethods: bill.allowedPaymentMethods,
    status: bill.status,
  };
}
