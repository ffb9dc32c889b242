import { CodedError } from '@kessai/shared-errors';

export type ScreeningErrorCode =
  | 'SCREENING_RULE_SET_UNAVAILABLE'
  | 'SCREENING_RULE_SET_NOT_FOUND'
  | 'SCREENING_DECISION_NOT_FOUND'
  | 'SCREENING_OPERATOR_UNAUTHORIZED'
  | 'SCREENING_BACKTEST_INVALID'
  | 'SCREENING_LIST_INVALID'
  | 'SCREENING_MERCHANT_INVALID';

export class ScreeningException extends CodedError {
  constructor(
    readonly code: ScreeningErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
