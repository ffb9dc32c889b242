import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { secretKeysOf } from './secret.decorator';

export type Environment = Record<string, string | undefined>;
type ConfigClass<T> = new () => T;

/** Raised at start-up when an environment variable is missing or wrong; its message names each variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Builds a service's configuration from environment variables. Each property of the class is named after its
 * variable (PORT, DATABASE_URL, ...); defaults are the property initializers.
 */
export function loadConfig<T extends object>(configClass: ConfigClass<T>, env: Environment): T {
  const defaults = new configClass() as Record<string, unknown>;
  const raw: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(configClass, raw, { enableImplicitConversion: false });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigurationError(errors.map((e) => describe(e, configClass, env)));
  return Object.freeze(config);
}

/** The configuration as it may be logged: secrets replaced by a marker. */
export function redactConfig<T extends object>(config: T): Record<string, unknown> {
  const secrets = secretKeysOf(config.constructor);
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secrets.has(key) ? '[secret]' : value]),
  );
}

function describe(error: ValidationError, configClass: ConfigClass<object>, env: Environment): string {
  const secret = secretKeysOf(configClass).has(error.property);
  const got = env[error.property];
  const shown = got === undefined || got === '' ? 'not set' : secret ? 'a secret value' : `"${got}"`;
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${reasons} (got ${shown})`;
}
