import { CodedError } from '@kessai/shared-errors';

export type BillingErrorCode =
  | 'BILLING_BILL_NOT_FOUND'
  | 'BILLING_BILL_NUMBER_ALREADY_EXISTS'
  | 'BILLING_AMOUNT_INVALID'
  | 'BILLING_DUE_DATE_INVALID'
  | 'BILLING_PAYMENT_METHODS_INVALID';

export class BillingException extends CodedError {
  constructor(
    readonly code: BillingErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
