export { FlowLimiter, type FlowLimiterOptions } from './lib/flow-limiter';
export { LocalFlowLimiter } from './lib/local-flow-limiter';
export type { FlowDecision, FlowLease, FlowLimitKind, FlowPriority, FlowRule, FlowRuleUsage } from './lib/flow-rule';
