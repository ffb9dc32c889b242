import { IsIn, IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { Environment, loadConfig, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';

const HTTP_URL = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;

/** Validation of every shared variable lives on ServiceConfig; here are the gateway's defaults and own settings. */
export class ThrottleGatewayConfig extends ServiceConfig {
  PORT = 3000;
  DATABASE_SCHEMA = 'throttle';

  /** Upstream of the billing API (`/bills`). Each merchant-facing service has one such variable. */
  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  BILLING_REQUESTS_URL = 'http://127.0.0.1:3001';

  /** Upstream of the payment pages' merchant API (`/payment-pages/branding`). */
  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  PAYMENT_SCREEN_URL = 'http://127.0.0.1:3002';

  /** Upstream of everything under `/recurring/`. */
  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  RECURRING_ENGINE_URL = 'http://127.0.0.1:3003';

  /** Upstream of screening decisions (`/decisions`). */
  @Matches(HTTP_URL, { message: 'must be an http(s)://host:port URL without a path' })
  CREDIT_SCREENING_URL = 'http://127.0.0.1:3004';

  /** Bearer token of the admin API (`/admin/...`); empty disables the admin API. */
  @Secret()
  @Matches(/^(|\S{24,})$/, { message: 'must be empty (admin API off) or at least 24 characters without spaces' })
  ADMIN_TOKEN = '';

  /** How long an instance trusts an API-key lookup: a revocation takes effect everywhere within this time. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60000)
  API_KEY_CACHE_MS = 5000;

  /** How long an instance keeps a merchant's limits: a change by the admin API takes effect within this time. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60000)
  FLOW_LIMITS_CACHE_MS = 1000;

  /** Limits of a merchant that has none of its own. */
  @ToInteger()
  @IsInt()
  @Min(0)
  FLOW_DEFAULT_RATE_PER_SECOND = 100;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  FLOW_DEFAULT_BURST_MULTIPLE = 5;

  @ToInteger()
  @IsInt()
  @Min(0)
  FLOW_DEFAULT_CONCURRENCY = 50;

  /** Percentage of each limit kept for payment submissions (shed last). */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(90)
  FLOW_DEFAULT_RESERVED_PERCENT = 20;

  /** A lease a crashed instance never released frees itself after this long; must exceed UPSTREAM_TIMEOUT_MS. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(600000)
  @ValidateBy({
    name: 'leaseOutlivesRequest',
    validator: {
      validate: (value: number, args) => value > (args?.object as ThrottleGatewayConfig).UPSTREAM_TIMEOUT_MS,
      defaultMessage: () => 'must be greater than UPSTREAM_TIMEOUT_MS, or a slow request would stop being counted',
    },
  })
  FLOW_LEASE_MS = 15000;

  /** The longest the gateway waits for an upstream's response headers and body. */
  @ToInteger()
  @IsInt()
  @Min(50)
  @Max(300000)
  UPSTREAM_TIMEOUT_MS = 10000;

  /** Keep-alive connections per upstream and instance. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(4096)
  UPSTREAM_CONNECTIONS = 128;

  /** Flow control's Redis command timeout: past it, the failure mode decides. */
  @ToInteger()
  @IsInt()
  @Min(5)
  @Max(5000)
  FLOW_REDIS_TIMEOUT_MS = 250;

  /** With Redis unreachable: `open` admits under a per-instance local limit, `closed` rejects with 503. */
  @IsIn(['open', 'closed'])
  FLOW_REDIS_FAILURE_MODE: 'open' | 'closed' = 'open';

  /** In fail-open mode, the percentage of each limit one instance admits on its own (about 100 / instances). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  FLOW_LOCAL_SHARE_PERCENT = 50;

  /** Up to this many seconds are added at random to Retry-After, so rejected clients come back spread out. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60)
  RETRY_AFTER_JITTER_SECONDS = 1;

  /** Prefix of the gateway's Redis keys (flow control, idempotency). */
  @Matches(/^[\w:.-]{1,64}$/, { message: 'may hold letters, digits, _, :, . and -' })
  REDIS_KEY_PREFIX = 'throttle:';

  /** How long a POST's first response is kept and replayed for its Idempotency-Key. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(168)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** Largest request body the gateway accepts (bytes). */
  @ToInteger()
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  MAX_REQUEST_BODY_BYTES = 1024 * 1024;
}

export function loadThrottleGatewayConfig(env: Environment = process.env): ThrottleGatewayConfig {
  return loadConfig(ThrottleGatewayConfig, env);
}
