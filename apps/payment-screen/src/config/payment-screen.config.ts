import { IsIn, IsInt, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { Environment, loadConfig, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';

const DEVELOPMENT_OPERATOR_TOKEN = 'dev-payment-operator-token-change-me';
const DEVELOPMENT_CSRF_SECRET = 'kessai-payment-screen-development-csrf-secret';
const ORIGIN = /^https?:\/\/[^\s/]+$/;

const notInProduction = (development: string) =>
  ValidateBy({
    name: 'notTheDevelopmentValue',
    validator: {
      validate: (value: string, args) => (args?.object as PaymentScreenConfig).NODE_ENV !== 'production' || value !== development,
      defaultMessage: () => 'must be set to a secret of its own in production',
    },
  });

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
  @notInProduction(DEVELOPMENT_CSRF_SECRET)
  PAYMENT_CSRF_SECRET = DEVELOPMENT_CSRF_SECRET;

  /** Bearer token of Kessai operators (merchant page templates). */
  @Secret()
  @MinLength(16)
  @notInProduction(DEVELOPMENT_OPERATOR_TOKEN)
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
