import { IsInt, Matches, Max, Min, Validate, ValidatorConstraint, ValidatorConstraintInterface, ValidationArguments } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

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
}

export function loadBillingRequestsConfig(env: Environment = process.env): BillingRequestsConfig {
  return loadConfig(BillingRequestsConfig, env);
}
