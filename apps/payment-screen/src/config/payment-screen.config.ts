import { IsIn, IsInt, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { Environment, loadConfig, NotInProduction, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';

const DEVELOPMENT_OPERATOR_TOKEN = 'dev-payment-operator-token-change-me';
const DEVELOPMENT_CSRF_SECRET = 'kessai-payment-screen-development-csrf-secret';
const ORIGIN = /^https?:\/\/[^\s/]+$/;

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class PaymentScreenConfig extends ServiceConfig {
  PORT = 3002;
  DATABASE_SCHEMA = 'payment';

  /** The origin customers reach the payment screen at (links, wallet return URL); empty = http://HOST:PORT. */
  @ValidateIf((config: PaymentScreenConfig) => config.PAYMENT_PUBLIC_URL !== '')
  @Matches(ORIGIN, { message: 'must be an http(s) origin without a path, e.g. https://pay.kessai.example' })
  PAYMENT_PUBLIC_URL = '';

  /** The processor API as this server calls it (token exchange, authorizations, konbini, wallet). */
  @Matches(ORIGIN, { message: 'must be an http(s) origin without a path, e.g. http://127.0.0.1:3005' })
  PAYMENT_PROCESSOR_URL = 'http://127.0.0.1:3005';

  /** The processor origin browsers load the tokenization script from; empty = PAYMENT_PROCESSOR_URL. The CSP allows only it. */
  @ValidateIf((config: PaymentScreenConfig) => config.PAYMENT_PROCESSOR_BROWSER_URL !== '')
  @Matches(ORIGIN, { message: 'must be an http(s) origin without a path' })
  PAYMENT_PROCESSOR_BROWSER_URL = '';

  /** Longest wait for one processor call. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(120000)
  PAYMENT_PROCESSOR_TIMEOUT_MS = 15000;

  /** Shared with the processor: verifies its webhooks (HMAC-SHA256). */
  @Secret()
  @MinLength(16)
  PROCESSOR_SIGNING_SECRET = 'kessai-processor-sim-development-secret';

  /** Signs the CSRF tokens of the payment forms. */
  @Secret()
  @MinLength(16)
  @NotInProduction(DEVELOPMENT_CSRF_SECRET)
  PAYMENT_CSRF_SECRET = DEVELOPMENT_CSRF_SECRET;

  /** Bearer token of Kessai operators (merchant page templates). */
  @Secret()
  @MinLength(16)
  @NotInProduction(DEVELOPMENT_OPERATOR_TOKEN)
  PAYMENT_OPERATOR_TOKEN = DEVELOPMENT_OPERATOR_TOKEN;

  /** Credit screening, asked before a card authorization for merchants with screening on. */
  @Matches(ORIGIN, { message: 'must be an http(s) origin without a path, e.g. http://127.0.0.1:3004' })
  SCREENING_URL = 'http://127.0.0.1:3004';

  /** How long the customer waits for a decision before SCREENING_FAILURE_MODE applies. */
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(10000)
  SCREENING_TIMEOUT_MS = 300;

  /** Screening unreachable or too slow: `open` authorizes anyway, `closed` stops the card payment. */
  @IsIn(['open', 'closed'])
  SCREENING_FAILURE_MODE: 'open' | 'closed' = 'open';

  // Customer flow control: per merchant, page loads and payment submissions of its customers (see
  // docs/architecture.md, payment-screen). 0 turns a limit off.

  /** Sustained customer requests per second per merchant (page loads and payment submissions together). */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(100000)
  PAYMENT_FLOW_RATE_PER_SECOND = 200;

  /** After a quiet spell, up to this × the rate at once (an SMS campaign opening all at once). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  PAYMENT_FLOW_BURST_MULTIPLE = 5;

  /** Customer requests of one merchant in progress at once. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(100000)
  PAYMENT_FLOW_CONCURRENCY = 200;

  /** Percentage of both limits kept for payment submissions: page loads are shed first. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(90)
  PAYMENT_FLOW_RESERVED_PERCENT = 20;

  /** A lease an instance never released (crash) frees itself after this; must exceed PAYMENT_PROCESSOR_TIMEOUT_MS. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(600000)
  @ValidateBy({
    name: 'leaseOutlivesRequest',
    validator: {
      validate: (value: number, args) => value > (args?.object as PaymentScreenConfig).PAYMENT_PROCESSOR_TIMEOUT_MS,
      defaultMessage: () => 'must be greater than PAYMENT_PROCESSOR_TIMEOUT_MS, or a slow payment would stop being counted',
    },
  })
  PAYMENT_FLOW_LEASE_MS = 30000;

  /** Redis of customer flow control; empty = REDIS_URL. */
  @ValidateIf((config: PaymentScreenConfig) => config.PAYMENT_FLOW_REDIS_URL !== '')
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  PAYMENT_FLOW_REDIS_URL = '';

  /** Flow control's Redis command timeout: past it, the failure mode decides. */
  @ToInteger()
  @IsInt()
  @Min(5)
  @Max(5000)
  PAYMENT_FLOW_REDIS_TIMEOUT_MS = 100;

  /** With Redis unreachable: `open` serves under a per-instance local limit, `closed` answers 503. */
  @IsIn(['open', 'closed'])
  PAYMENT_FLOW_REDIS_FAILURE_MODE: 'open' | 'closed' = 'open';

  /** In fail-open mode, the percentage of each limit one instance admits on its own (about 100 / instances). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  PAYMENT_FLOW_LOCAL_SHARE_PERCENT = 50;

  /** Up to this many seconds are added at random to Retry-After, so customers' reloads come back spread out. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60)
  PAYMENT_FLOW_RETRY_AFTER_JITTER_SECONDS = 2;

  /** Prefix of the flow-control Redis keys. */
  @Matches(/^[\w:.-]{1,64}$/, { message: 'may hold letters, digits, _, :, . and -' })
  PAYMENT_FLOW_KEY_PREFIX = 'payment:';

  get publicUrl(): string {
    return this.PAYMENT_PUBLIC_URL || `http://${this.HOST === '0.0.0.0' ? '127.0.0.1' : this.HOST}:${this.PORT}`;
  }

  get processorBrowserUrl(): string {
    return this.PAYMENT_PROCESSOR_BROWSER_URL || this.PAYMENT_PROCESSOR_URL;
  }
}

export function loadPaymentScreenConfig(env: Environment = process.env): PaymentScreenConfig {
  return loadConfig(PaymentScreenConfig, env);
}
