import { IsInt, Matches, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

export class PaymentScreenConfig extends ServiceConfig {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3002;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA = 'payment';
}

export function loadPaymentScreenConfig(env: Environment = process.env): PaymentScreenConfig {
  return loadConfig(PaymentScreenConfig, env);
}
