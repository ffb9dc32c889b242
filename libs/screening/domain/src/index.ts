export {
  CompiledRuleSet,
  RULE_ACTIONS,
  type RuleAction,
  type RuleDefinition,
  type RuleEvaluation,
  type FiredRule,
  type Decision,
} from './lib/rule-language/compiled-rule-set';
export { RuleError } from './lib/rule-language/rule-error';
export { parseRuleCondition } from './lib/rule-language/parse-rule-condition';
export type { RuleExpression, ValueExpression, Literal } from './lib/rule-language/rule-ast';
export {
  FEATURE_CATALOGUE,
  IDENTITY_KINDS,
  VELOCITY_WINDOWS,
  velocityFeature,
  type FeatureType,
  type FeatureValues,
  type IdentityKind,
  type VelocityWindow,
} from './lib/features/feature-catalogue';
export { RiskModel, inputValue, type RiskModelFile, type ModelInput } from './lib/model/risk-model';
export { BacktestTally, type BacktestReport, type KnownOutcome } from './lib/backtest/backtest-tally';
