import { CodedError } from '@kessai/shared-errors';

export type BillingErrorCode =
  | 'BILLING_BILL_NOT_FOUND'
  | 'BILLING_BILL_NUMBER_ALREADY_EXISTS'
  | 'BILLING_BILL_TRANSITION_NOT_ALLOWED'
  | 'BILLING_BILL_ALREADY_PAID_CONFLICT'
  | 'BILLING_AMOUNT_INVALID'
  | 'BILLING_TAX_AMOUNT_INVALID'
  | 'BILLING_LINE_ITEMS_INVALID'
  | 'BILLING_SEND_AT_INVALID'
  | 'BILLING_PAYMENT_LINK_INVALID'
  | 'BILLING_PHONE_INVALID'
  | 'BILLING_DUE_DATE_INVALID'
  | 'BILLING_PAYMENT_METHODS_INVALID'
  | 'BILLING_IDEMPOTENCY_KEY_INVALID'
  | 'BILLING_CURSOR_INVALID'
  | 'BILLING_SMS_WINDOW_INVALID';

export class BillingException extends CodedError {
  constructor(
    readonly code: BillingErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
