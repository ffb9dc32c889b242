import { CodedError } from '@kessai/shared-errors';

/**
 * Codes of the throttle context. The suffix gives the HTTP status (see statusForCode): a rejection by a limit
 * is 429 (`_RATE_LIMITED`, `_THROTTLED`), shedding and an unreachable flow control 503 (`_UNAVAILABLE`).
 */
export type ThrottleErrorCode =
  | 'THROTTLE_API_KEY_UNAUTHORIZED'
  | 'THROTTLE_ADMIN_UNAUTHORIZED'
  | 'THROTTLE_API_KEY_NOT_FOUND'
  | 'THROTTLE_LIMITS_INVALID'
  | 'THROTTLE_ROUTE_NOT_FOUND'
  | 'THROTTLE_MERCHANT_RATE_LIMITED'
  | 'THROTTLE_MERCHANT_CONCURRENCY_THROTTLED'
  | 'THROTTLE_PAYMENT_METHOD_RATE_LIMITED'
  | 'THROTTLE_PAYMENT_METHOD_CONCURRENCY_THROTTLED'
  | 'THROTTLE_LOAD_SHED_UNAVAILABLE'
  | 'THROTTLE_FLOW_CONTROL_UNAVAILABLE'
  | 'THROTTLE_IDEMPOTENCY_KEY_REUSED_INVALID'
  | 'THROTTLE_IDEMPOTENCY_KEY_INVALID'
  | 'THROTTLE_IDEMPOTENT_REQUEST_IN_PROGRESS'
  | 'THROTTLE_UPSTREAM_UNAVAILABLE'
  | 'THROTTLE_REQUEST_BODY_INVALID';

export class ThrottleException extends CodedError {
  constructor(
    readonly code: ThrottleErrorCode,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
