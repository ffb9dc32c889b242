import { BillLineItem, PaymentMethod } from '@kessai/billing-domain';

export class CreateBillCommand {
  constructor(
    readonly merchantId: string,
    readonly merchantBillNumber: string,
    readonly amount: number,
    readonly currency: string,
    readonly dueDate: string,
    readonly allowedPaymentMethods: PaymentMethod[],
    readonly details: {
      customerName?: string;
      customerPhone?: string;
      taxAmount?: number;
      lineItems?: BillLineItem[];
      message?: string;
      /** ISO 8601. */
      sendAt?: string;
    } = {},
  ) {}
}
