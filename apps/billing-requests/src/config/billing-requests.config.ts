import { IsInt, Matches, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

export class BillingRequestsConfig extends ServiceConfig {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3001;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA = 'billing';
}

export function loadBillingRequestsConfig(env: Environment = process.env): BillingRequestsConfig {
  return loadConfig(BillingRequestsConfig, env);
}
