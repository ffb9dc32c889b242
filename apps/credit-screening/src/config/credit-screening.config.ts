import { IsInt, Matches, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

export class CreditScreeningConfig extends ServiceConfig {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3004;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA = 'screening';
}

export function loadCreditScreeningConfig(env: Environment = process.env): CreditScreeningConfig {
  return loadConfig(CreditScreeningConfig, env);
}
