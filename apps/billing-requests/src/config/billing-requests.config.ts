import { Environment, loadConfig, ServiceConfig } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class BillingRequestsConfig extends ServiceConfig {
  PORT = 3001;
  DATABASE_SCHEMA = 'billing';
}

export function loadBillingRequestsConfig(env: Environment = process.env): BillingRequestsConfig {
  return loadConfig(BillingRequestsConfig, env);
}
