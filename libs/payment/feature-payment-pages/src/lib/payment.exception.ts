import { CodedError } from '@kessai/shared-errors';

export type PaymentErrorCode =
  | 'PAYMENT_PAGE_NOT_FOUND'
  | 'PAYMENT_WEBHOOK_SIGNATURE_UNAUTHORIZED'
  | 'PAYMENT_WEBHOOK_INVALID'
  | 'PAYMENT_OPERATOR_UNAUTHORIZED'
  | 'PAYMENT_BRANDING_INVALID'
  | 'PAYMENT_TEMPLATE_INVALID'
  | 'PAYMENT_PROCESSOR_UNAVAILABLE';

/** The payment context's one exception type. */
export class PaymentException extends CodedError {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
