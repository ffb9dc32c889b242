import type { LimitPolicy } from '@kessai/throttle-domain';

export const FLOW_CONTROL_OPTIONS = Symbol('FLOW_CONTROL_OPTIONS');
/** The gateway's Redis client for flow control and idempotency: fails fast (short timeout, no offline queue). */
export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');

export interface FlowControlOptions {
  redisUrl: string;
  redisTimeoutMs: number;
  keyPrefix: string;
  leaseMs: number;
  failureMode: 'open' | 'closed';
  /** 0 to 1: one instance's share of each limit while Redis is unreachable. */
  localShare: number;
  limitsCacheMs: number;
  retryAfterJitterSeconds: number;
  /** For merchants without limits of their own. */
  defaultPolicy: LimitPolicy;
}
