import { IsInt, IsString, Matches, Max, MinLength, Min } from 'class-validator';
import { Environment, loadConfig, NotInProduction, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';

const DEVELOPMENT_OPERATOR_TOKEN = 'dev-operator-token-change-me';

/** Validation of the common variables lives on ServiceConfig; here are this service's defaults and own settings. */
export class CreditScreeningConfig extends ServiceConfig {
  PORT = 3004;
  DATABASE_SCHEMA = 'screening';
  /** Rule sets of tens of thousands of rules are published in one request. */
  override HTTP_JSON_LIMIT_KB = 20480;

  /** The risk model written by tools/screening/train-risk-model.ts. */
  @IsString()
  @MinLength(1)
  SCREENING_MODEL_PATH = 'apps/credit-screening/model/risk-model.json';

  /** Bearer token for rule sets, lists, outcomes and backtests. */
  @Secret()
  @MinLength(16)
  @NotInProduction(DEVELOPMENT_OPERATOR_TOKEN)
  SCREENING_OPERATOR_TOKEN = DEVELOPMENT_OPERATOR_TOKEN;

  /** How often an instance looks for a newly deployed rule-set version. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(60000)
  SCREENING_RULES_REFRESH_MS = 2000;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(5000)
  DECISION_RECORDER_BATCH_SIZE = 500;

  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(10000)
  DECISION_RECORDER_FLUSH_MS = 100;

  /** Prefix of the velocity keys in Redis (tests give each suite its own). */
  @Matches(/^[\w:.-]*$/)
  VELOCITY_KEY_PREFIX = '';
}

export function loadCreditScreeningConfig(env: Environment = process.env): CreditScreeningConfig {
  return loadConfig(CreditScreeningConfig, env);
}
