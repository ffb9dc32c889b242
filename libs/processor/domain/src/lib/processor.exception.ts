import { CodedError } from '@kessai/shared-errors';

export type ProcessorErrorCode =
  | 'PROCESSOR_CARD_NUMBER_INVALID'
  | 'PROCESSOR_CARD_EXPIRY_INVALID'
  | 'PROCESSOR_CARD_EXPIRED'
  | 'PROCESSOR_SECURITY_CODE_INVALID'
  | 'PROCESSOR_CARD_NOT_FOUND'
  | 'PROCESSOR_TOKEN_NOT_FOUND'
  | 'PROCESSOR_TOKEN_EXPIRED'
  | 'PROCESSOR_AUTHORIZATION_NOT_FOUND'
  | 'PROCESSOR_AUTHORIZATION_NOT_ALLOWED'
  | 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT'
  | 'PROCESSOR_SYSTEM_UNAVAILABLE'
  | 'PROCESSOR_AUTHORIZATION_TIMEOUT'
  | 'PROCESSOR_CHALLENGE_NOT_FOUND'
  | 'PROCESSOR_CHALLENGE_NOT_ALLOWED'
  | 'PROCESSOR_SALE_NOT_FOUND'
  | 'PROCESSOR_REFUND_INVALID'
  | 'PROCESSOR_FILE_LAYOUT_INVALID'
  | 'PROCESSOR_FILE_LINE_INVALID'
  | 'PROCESSOR_FILE_NOT_FOUND'
  | 'PROCESSOR_SIGNATURE_INVALID'
  | 'PROCESSOR_CURRENCY_INVALID'
  | 'PROCESSOR_KONBINI_PAYMENT_NOT_FOUND'
  | 'PROCESSOR_KONBINI_PAYMENT_EXPIRED'
  | 'PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED'
  | 'PROCESSOR_WALLET_PAYMENT_NOT_FOUND'
  | 'PROCESSOR_WALLET_PAYMENT_NOT_ALLOWED'
  | 'PROCESSOR_NDJSON_LINE_INVALID';

/** The one exception type of the processor context. Messages never contain a card number or security code. */
export class ProcessorException extends CodedError {
  constructor(
    readonly code: ProcessorErrorCode,
    message: string,
    field?: string,
    /** The 1-based line of a file or NDJSON stream the error is about. */
    readonly line?: number,
  ) {
    super(message, field);
  }
}
