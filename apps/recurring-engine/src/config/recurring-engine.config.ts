import { IsInt, Matches, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

export class RecurringEngineConfig extends ServiceConfig {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3003;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA = 'recurring';
}

export function loadRecurringEngineConfig(env: Environment = process.env): RecurringEngineConfig {
  return loadConfig(RecurringEngineConfig, env);
}
