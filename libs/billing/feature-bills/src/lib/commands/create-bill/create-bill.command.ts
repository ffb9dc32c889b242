import { PaymentMethod } from '@kessai/billing-domain';

export class CreateBillCommand {
  constructor(
    readonly merchantId: string,
    readonly merchantBillNumber: string,
    readonly amount: number,
    readonly currency: string,
    readonly dueDate: string,
    readonly allowedPaymentMethods: PaymentMethod[],
  ) {}
}
