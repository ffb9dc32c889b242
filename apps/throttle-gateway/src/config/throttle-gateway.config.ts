import { Environment, loadConfig, ServiceConfig } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class ThrottleGatewayConfig extends ServiceConfig {
  PORT = 3000;
  DATABASE_SCHEMA = 'throttle';
}

export function loadThrottleGatewayConfig(env: Environment = process.env): ThrottleGatewayConfig {
  return loadConfig(ThrottleGatewayConfig, env);
}
