import { Environment, loadConfig, ServiceConfig } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class RecurringEngineConfig extends ServiceConfig {
  PORT = 3003;
  DATABASE_SCHEMA = 'recurring';
}

export function loadRecurringEngineConfig(env: Environment = process.env): RecurringEngineConfig {
  return loadConfig(RecurringEngineConfig, env);
}
