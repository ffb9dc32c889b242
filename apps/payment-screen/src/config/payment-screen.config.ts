import { Environment, loadConfig, ServiceConfig } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class PaymentScreenConfig extends ServiceConfig {
  PORT = 3002;
  DATABASE_SCHEMA = 'payment';
}

export function loadPaymentScreenConfig(env: Environment = process.env): PaymentScreenConfig {
  return loadConfig(PaymentScreenConfig, env);
}
