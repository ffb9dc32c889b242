import { IsInt, Matches, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

export class ProcessorSimConfig extends ServiceConfig {
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3005;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA = 'processor';
}

export function loadProcessorSimConfig(env: Environment = process.env): ProcessorSimConfig {
  return loadConfig(ProcessorSimConfig, env);
}
