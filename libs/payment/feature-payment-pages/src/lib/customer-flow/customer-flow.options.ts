export const CUSTOMER_FLOW_OPTIONS = Symbol('CUSTOMER_FLOW_OPTIONS');
export const CUSTOMER_FLOW_REDIS = Symbol('CUSTOMER_FLOW_REDIS');

/** Per-merchant flow control of customer page loads and payment submissions (see CustomerFlowControlMiddleware). */
export interface CustomerFlowOptions {
  redisUrl: string;
  redisTimeoutMs: number;
  keyPrefix: string;
  leaseMs: number;
  failureMode: 'open' | 'closed';
  /** In fail-open mode, the share (0 to 1) of each limit this instance admits on its own. */
  localShare: number;
  retryAfterJitterSeconds: number;
  /** The limits of every merchant's customers (0: no such limit). */
  ratePerSecond: number;
  burstMultiple: number;
  concurrency: number;
  /** Share (0 to 0.9) of both limits only payment submissions may use: page loads are shed first. */
  reservedShare: number;
}
