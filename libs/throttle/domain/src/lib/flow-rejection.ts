import { ThrottleErrorCode } from './throttle.exception';

/** Why the gateway turned a request away: the reason code in the error body and in `x-kessai-throttle-reason`. */
export type FlowRejectionReason =
  | 'merchant-rate'
  | 'merchant-concurrency'
  | 'payment-method-rate'
  | 'payment-method-concurrency'
  | 'shed'
  | 'flow-control-unavailable';

export function rejectionReason(scope: 'merchant' | 'payment-method', limit: 'rate' | 'concurrency', shed: boolean): FlowRejectionReason {
  if (shed) return 'shed';
  return `${scope}-${limit}`;
}

export const REJECTION_CODES: Record<FlowRejectionReason, ThrottleErrorCode> = {
  'merchant-rate': 'THROTTLE_MERCHANT_RATE_LIMITED',
  'merchant-concurrency': 'THROTTLE_MERCHANT_CONCURRENCY_THROTTLED',
  'payment-method-rate': 'THROTTLE_PAYMENT_METHOD_RATE_LIMITED',
  'payment-method-concurrency': 'THROTTLE_PAYMENT_METHOD_CONCURRENCY_THROTTLED',
  shed: 'THROTTLE_LOAD_SHED_UNAVAILABLE',
  'flow-control-unavailable': 'THROTTLE_FLOW_CONTROL_UNAVAILABLE',
};
