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
  | 'RECURRING_DUNNING_SCHEDULE_INVALID'
  | 'RECURRING_PROCESSOR_FILE_REFUSED';

export class RecurringException extends CodedError {
  constructor(
    readonly code: RecurringErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
