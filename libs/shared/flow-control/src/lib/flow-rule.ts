/**
 * One limit on one subject (a merchant, a merchant × payment method, a customer session): an in-flight
 * concurrency limit and a request-rate limit, decided together with every other rule of the request.
 */
export interface FlowRule {
  /**
   * What the rule counts, e.g. `{m:merchant-a}` or `{m:merchant-a}:pm:card`. Rules of one request should share
   * a Redis hash tag (`{...}`) so a Redis Cluster keeps them in one slot.
   */
  subject: string;
  /** Sustained requests per second; 0 means no rate limit. */
  ratePerSecond: number;
  /**
   * After a quiet spell, up to `burstMultiple × ratePerSecond` requests are admitted at once (the GCRA burst
   * tolerance); sustained traffic gets `ratePerSecond`. At least 1.
   */
  burstMultiple: number;
  /** Requests in flight at once; 0 means no concurrency limit. */
  concurrency: number;
  /**
   * Share (0 to 0.9) of both limits that only priority requests may use: under pressure, standard requests are
   * shed first and priority requests (payment submissions) last.
   */
  reservedShare: number;
  /** Count what the rule would reject, but admit: to try a new limit on live traffic. */
  shadow: boolean;
}

export type FlowLimitKind = 'rate' | 'concurrency';

/** What one rule saw while deciding. */
export interface FlowRuleUsage {
  /** Requests in flight under this rule, including this one when admitted. */
  inFlight: number;
  /** inFlight / concurrency (0 without a concurrency limit). */
  concurrencyUsage: number;
  /** How full the GCRA burst window is, 0 to 1 or more (0 without a rate limit). */
  rateUsage: number;
  /** The limit this rule would have rejected by, had it not been in shadow mode. */
  shadowRejectedBy?: FlowLimitKind;
}

/** Concurrency held by an admitted request; give it back with `FlowLimiter.release` (idempotent). */
export interface FlowLease {
  id: string;
  /** The sorted sets (or local counters) holding the lease. */
  leaseKeys: string[];
  /** Taken from the per-instance local limiter while Redis was unreachable. */
  local: boolean;
}

export interface FlowDecision {
  admitted: boolean;
  /** Set when rejected: the rule (index into the rules) and the limit that rejected. */
  rejectedRule?: number;
  rejectedBy?: FlowLimitKind;
  /** Rejected only because the remaining capacity is reserved for priority requests. */
  shed: boolean;
  /** When a retry may succeed (before jitter). */
  retryAfterMs: number;
  lease?: FlowLease;
  usage: FlowRuleUsage[];
  /** How the decision was made when Redis was unreachable. */
  degraded?: 'fail-open' | 'fail-closed';
}

/** How important a request is when capacity runs short. */
export type FlowPriority = 'priority' | 'standard';
