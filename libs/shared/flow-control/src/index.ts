export { FlowLimiter, type FlowLimiterOptions } from './lib/flow-limiter';
export { LocalFlowLimiter } from './lib/local-flow-limiter';
export type { FlowDecision, FlowLease, FlowLimitKind, FlowPriority, FlowRule, FlowRuleUsage } from './lib/flow-rule';
export { retryAfterSeconds } from './lib/retry-after';
export { redisFailureReporter } from './lib/redis-failure-reporter';
export { createFlowRedisClient } from './lib/flow-redis-client';
