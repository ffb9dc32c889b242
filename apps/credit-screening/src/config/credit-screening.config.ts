import { Environment, loadConfig, ServiceConfig } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class CreditScreeningConfig extends ServiceConfig {
  PORT = 3004;
  DATABASE_SCHEMA = 'screening';
}

export function loadCreditScreeningConfig(env: Environment = process.env): CreditScreeningConfig {
  return loadConfig(CreditScreeningConfig, env);
}
