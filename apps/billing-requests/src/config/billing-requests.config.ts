import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Environment, loadConfig, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';
import type { BillingOptions } from '@kessai/billing-feature-bills';

@ValidatorConstraint({ name: 'windowOpensBeforeItCloses' })
class WindowOpensBeforeItCloses implements ValidatorConstraintInterface {
  validate(end: number, args: ValidationArguments): boolean {
    return end > (args.object as BillingRequestsConfig).SMS_WINDOW_START_HOUR;
  }

  defaultMessage(): string {
    return 'must be after SMS_WINDOW_START_HOUR';
  }
}

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class BillingRequestsConfig extends ServiceConfig {
  PORT = 3001;
  DATABASE_SCHEMA = 'billing';
  // a CSV of a million bills is streamed in one request (POST /bill-imports): an hour to send it
  override HTTP_REQUEST_TIMEOUT_MS = 3_600_000;

  /** Origin customers open payment links at: a link is `<this>/p/<token>`. Keep it short: it goes in the SMS. */
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'must be an http(s) origin without a path, e.g. https://pay.kessai.jp' })
  PAYMENT_SCREEN_PUBLIC_URL = 'http://127.0.0.1:3002';

  /** Hour (Japan time) SMS may start going out, unless a merchant set its own window. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(23)
  SMS_WINDOW_START_HOUR = 9;

  /** Hour (Japan time) SMS stop; later ones wait for the next morning. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(24)
  @Validate(WindowOpensBeforeItCloses)
  SMS_WINDOW_END_HOUR = 20;

  /** A reminder SMS goes this many days before the due date; 0 sends none. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60)
  BILL_REMINDER_DAYS_BEFORE = 3;

  /** How often the expiry and reminder jobs run; 0 turns them off in this instance. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  BILL_JOBS_INTERVAL_MS = 60_000;

  /** `dev-inbox` keeps SMS in a table shown at GET /dev/sms-inbox (never in production); `twilio` sends them. */
  @IsIn(['dev-inbox', 'twilio'])
  @ValidateBy({
    name: 'noDevInboxInProduction',
    validator: {
      validate: (value: string, args) => value !== 'dev-inbox' || (args?.object as BillingRequestsConfig).NODE_ENV !== 'production',
      defaultMessage: () => 'must be twilio in production: the development inbox shows customers\' messages to anyone',
    },
  })
  SMS_PROVIDER = 'dev-inbox';

  /** How often the SMS dispatcher looks at its queue; 0 turns it off in this instance. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SMS_DISPATCH_INTERVAL_MS = 200;

  /** SMS per second per instance: the provider's rate limit divided by the instances. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10_000)
  SMS_RATE_PER_SECOND = 10;

  /** Attempts on transient provider errors before a message fails for good. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(50)
  SMS_MAX_ATTEMPTS = 6;

  /** First retry delay; doubles each attempt, at most an hour. */
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  SMS_RETRY_INITIAL_MS = 30_000;

  /** Twilio's API origin (a stub in tests). */
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'must be an http(s) origin, e.g. https://api.twilio.com' })
  TWILIO_API_URL = 'https://api.twilio.com';

  @ValidateIf((config: BillingRequestsConfig) => config.SMS_PROVIDER === 'twilio')
  @Matches(/^AC[0-9a-f]{32}$/, { message: 'must be a Twilio Account SID (AC and 32 hex digits) when SMS_PROVIDER=twilio' })
  TWILIO_ACCOUNT_SID = '';

  @Secret()
  @ValidateIf((config: BillingRequestsConfig) => config.SMS_PROVIDER === 'twilio')
  @IsString()
  @IsNotEmpty({ message: 'is required when SMS_PROVIDER=twilio' })
  TWILIO_AUTH_TOKEN = '';

  /** Sender: a number in E.164, an alphanumeric sender id, or a Messaging Service SID (MG…). */
  @ValidateIf((config: BillingRequestsConfig) => config.SMS_PROVIDER === 'twilio')
  @IsString()
  @IsNotEmpty({ message: 'is required when SMS_PROVIDER=twilio' })
  TWILIO_FROM = '';

  /** The public URL of POST /sms/status/twilio, given to Twilio for delivery reports; empty: none asked. */
  @ValidateIf((config: BillingRequestsConfig) => config.TWILIO_STATUS_CALLBACK_URL !== '')
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  TWILIO_STATUS_CALLBACK_URL = '';

  /** How often the webhook sender looks for due deliveries; 0 turns it off in this instance. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(60_000)
  WEBHOOK_DELIVERY_INTERVAL_MS = 500;

  /** First retry delay of an unacknowledged webhook; doubles each attempt up to WEBHOOK_RETRY_MAX_MS. */
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_INITIAL_MS = 30_000;

  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  WEBHOOK_RETRY_MAX_MS = 3_600_000;

  /** Retries stop this long after the event; the delivery is then failed (it can still be replayed). */
  @ToInteger()
  @IsInt()
  @Min(1000)
  @Max(30 * 86_400_000)
  WEBHOOK_GIVE_UP_AFTER_MS = 3 * 86_400_000;

  /** Time allowed for a merchant's endpoint to answer. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  get billingOptions(): BillingOptions {
    return {
      paymentScreenPublicUrl: this.PAYMENT_SCREEN_PUBLIC_URL,
      defaultSendingWindow: { startHour: this.SMS_WINDOW_START_HOUR, endHour: this.SMS_WINDOW_END_HOUR },
      reminderDaysBefore: this.BILL_REMINDER_DAYS_BEFORE,
      jobsIntervalMs: this.BILL_JOBS_INTERVAL_MS,
      sms: {
        provider: this.SMS_PROVIDER as 'dev-inbox' | 'twilio',
        dispatchIntervalMs: this.SMS_DISPATCH_INTERVAL_MS,
        batchSize: 100,
        ratePerSecond: this.SMS_RATE_PER_SECOND,
        maxAttempts: this.SMS_MAX_ATTEMPTS,
        retryInitialMs: this.SMS_RETRY_INITIAL_MS,
        twilio:
          this.SMS_PROVIDER === 'twilio'
            ? {
                apiUrl: this.TWILIO_API_URL,
                accountSid: this.TWILIO_ACCOUNT_SID,
                authToken: this.TWILIO_AUTH_TOKEN,
                from: this.TWILIO_FROM,
                statusCallbackUrl: this.TWILIO_STATUS_CALLBACK_URL,
                timeoutMs: 10_000,
              }
            : undefined,
      },
      webhooks: {
        deliveryIntervalMs: this.WEBHOOK_DELIVERY_INTERVAL_MS,
        retryInitialMs: this.WEBHOOK_RETRY_INITIAL_MS,
        retryMaxMs: this.WEBHOOK_RETRY_MAX_MS,
        giveUpAfterMs: this.WEBHOOK_GIVE_UP_AFTER_MS,
        timeoutMs: this.WEBHOOK_TIMEOUT_MS,
      },
    };
  }
}

export function loadBillingRequestsConfig(env: Environment = process.env): BillingRequestsConfig {
  return loadConfig(BillingRequestsConfig, env);
}
