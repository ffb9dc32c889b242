import { CodedError } from '@kessai/shared-errors';

/** Codes of the console context; the suffix gives the HTTP status (see statusForCode). */
export type ConsoleErrorCode =
  | 'CONSOLE_SIGN_IN_UNAUTHORIZED'
  | 'CONSOLE_ACCOUNT_LOCKED_FORBIDDEN'
  | 'CONSOLE_SECOND_FACTOR_INVALID'
  | 'CONSOLE_SESSION_UNAUTHORIZED'
  | 'CONSOLE_CSRF_TOKEN_FORBIDDEN'
  | 'CONSOLE_ROLE_FORBIDDEN'
  | 'CONSOLE_USER_ALREADY_EXISTS'
  | 'CONSOLE_USER_INVALID'
  | 'CONSOLE_PASSWORD_INVALID'
  | 'CONSOLE_PASSWORD_CHANGE_REQUIRED'
  | 'CONSOLE_USER_NOT_FOUND'
  | 'CONSOLE_LAST_ADMIN_CONFLICT'
  | 'CONSOLE_UPSTREAM_UNAVAILABLE';

export class ConsoleException extends CodedError {
  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
