export { DecisionsModule, SCREENING_CONSUMERS } from './lib/decisions.module';
export { RuleSetCache } from './lib/rule-sets/rule-set.cache';
export { OperatorGuard } from './lib/http/operator.guard';
export { ScreeningException, type ScreeningErrorCode } from './lib/screening.exception';
export { DecidePaymentHandler } from './lib/commands/decide-payment/decide-payment.handler';
export { DecisionsFrontListener } from './lib/http/decisions-front.listener';
export { type ScreeningOptions } from './lib/screening.options';
export { ListCache } from './lib/lists/list.cache';
