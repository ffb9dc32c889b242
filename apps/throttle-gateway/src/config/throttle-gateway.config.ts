import { IsInt, Matches, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

export class ThrottleGatewayConfig extends ServiceConfig {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA = 'throttle';
}

export function loadThrottleGatewayConfig(env: Environment = process.env): ThrottleGatewayConfig {
  return loadConfig(ThrottleGatewayConfig, env);
}
