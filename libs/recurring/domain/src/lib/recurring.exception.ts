import { CodedError } from '@kessai/shared-errors';

export type RecurringErrorCode =
  | 'RECURRING_SHOP_SETTINGS_INVALID'
  | 'RECURRING_SHOP_NOT_FOUND'
  | 'RECURRING_CYCLE_INVALID'
  | 'RECURRING_DEFINITION_INVALID'
  | 'RECURRING_CHARGE_TRANSITION_NOT_ALLOWED'
  | 'RECURRING_JOB_NOT_FOUND'
  | 'RECURRING_JOB_EXECUTION_NOT_FOUND'
  | 'RECURRING_JOB_REQUEST_INVALID'
  | 'RECURRING_MEMBER_INVALID'
  | 'RECURRING_MEMBER_NOT_FOUND'
  | 'RECURRING_DEFINITION_NOT_FOUND'
  | 'RECURRING_CHARGE_INVALID'
  | 'RECURRING_CHARGE_NOT_FOUND'
  | 'RECURRING_IDEMPOTENCY_KEY_INVALID'
  /** The same Idempotency-Key was used before for another member, card, amount or currency. */
  | 'RECURRING_IDEMPOTENCY_KEY_CONFLICT'
  | 'RECURRING_PROCESSOR_UNAVAILABLE'
  | 'RECURRING_CYCLE_UPLOAD_CLOSED'
  | 'RECURRING_FILE_INVALID'
  | 'RECURRING_FILE_NOT_FOUND'
  | 'RECURRING_IMMEDIATE_QUOTA_EXCEEDED'
  | 'RECURRING_SCREENING_UNAVAILABLE';

export class RecurringException extends CodedError {
  constructor(
    readonly code: RecurringErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
