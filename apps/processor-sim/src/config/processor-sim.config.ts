import { Environment, loadConfig, ServiceConfig } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class ProcessorSimConfig extends ServiceConfig {
  PORT = 3005;
  DATABASE_SCHEMA = 'processor';
}

export function loadProcessorSimConfig(env: Environment = process.env): ProcessorSimConfig {
  return loadConfig(ProcessorSimConfig, env);
}
