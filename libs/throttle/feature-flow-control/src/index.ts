export { FlowControlModule } from './lib/flow-control.module';
export { MerchantFlowControl, type MerchantAdmission, type FlowTicket, type MerchantUsage, type ScopeUsage } from './lib/merchant-flow-control';
export { MerchantLimitsProvider } from './lib/merchant-limits.provider';
export { SetMerchantLimitsHandler } from './lib/commands/set-merchant-limits/set-merchant-limits.handler';
export { FlowMetrics } from './lib/flow-metrics';
export { GATEWAY_REDIS, FLOW_CONTROL_OPTIONS, type FlowControlOptions } from './lib/flow-control.options';
