import { IsBoolean, IsInt, Matches, Max, Min, MinLength } from 'class-validator';
import { Environment, loadConfig, NotInProduction, Secret, ServiceConfig, ToBoolean, ToInteger } from '@kessai/shared-config';

const DEVELOPMENT_CSRF_SECRET = 'kessai-merchant-console-development-csrf-secret';
const HTTP_URL = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;

/** Validation of every shared variable lives on ServiceConfig; here are the console's defaults and own settings. */
export class MerchantConsoleConfig extends ServiceConfig {
  PORT = 3006;
  DATABASE_SCHEMA = 'console';

  /** The origin merchants reach the console at (the gateway's public origin); https gives Secure cookies. */
  @Matches(HTTP_URL, { message: 'must be an http(s) origin without a path, e.g. https://api.kessai.example' })
  CONSOLE_PUBLIC_URL = 'http://127.0.0.1:3000';

  /** Secure cookies even when CONSOLE_PUBLIC_URL is http (always on in production). */
  @ToBoolean()
  @IsBoolean()
  CONSOLE_SECURE_COOKIES = false;

  /** Signs the console forms' CSRF tokens. */
  @Secret()
  @MinLength(16)
  @NotInProduction(DEVELOPMENT_CSRF_SECRET)
  CONSOLE_CSRF_SECRET = DEVELOPMENT_CSRF_SECRET;

  /** A session ends after this long without a request. */
  @ToInteger()
  @IsInt()
  @Min(60_000)
  @Max(86_400_000)
  CONSOLE_SESSION_IDLE_MS = 30 * 60_000;

  /** A session ends this long after sign-in, however busy. */
  @ToInteger()
  @IsInt()
  @Min(60_000)
  @Max(30 * 86_400_000)
  CONSOLE_SESSION_MAX_MS = 12 * 3600_000;

  /** Consecutive failed sign-ins (password or code) that lock an account. */
  @ToInteger()
  @IsInt()
  @Min(3)
  @Max(20)
  CONSOLE_LOCKOUT_FAILURES = 5;

  /** How long a locked account stays locked. */
  @ToInteger()
  @IsInt()
  @Min(60_000)
  @Max(86_400_000)
  CONSOLE_LOCKOUT_MS = 15 * 60_000;

  /** Largest CSV a person may upload through the console. */
  @ToInteger()
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  CONSOLE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  BILLING_REQUESTS_URL = 'http://127.0.0.1:3001';

  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  RECURRING_ENGINE_URL = 'http://127.0.0.1:3003';

  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  CREDIT_SCREENING_URL = 'http://127.0.0.1:3004';

  /** The throttle gateway's internal URL, for its admin API (API keys, limits). */
  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  GATEWAY_ADMIN_URL = 'http://127.0.0.1:3000';

  /** The gateway's ADMIN_TOKEN; empty leaves the API-key and limit screens without data. */
  @Secret()
  @Matches(/^(|\S{24,})$/, { message: 'must be empty or at least 24 characters without spaces' })
  GATEWAY_ADMIN_TOKEN = '';

  /** Longest wait for one call to another service. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(120000)
  CONSOLE_UPSTREAM_TIMEOUT_MS = 10000;

  get secureCookies(): boolean {
    return this.CONSOLE_SECURE_COOKIES || this.NODE_ENV === 'production';
  }
}

export function loadMerchantConsoleConfig(env: Environment = process.env): MerchantConsoleConfig {
  return loadConfig(MerchantConsoleConfig, env);
}
