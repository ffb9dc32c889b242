import type { TwilioOptions } from './sms/twilio.sms-provider';
import { SendingWindow } from '@kessai/billing-domain';

export const BILLING_OPTIONS = Symbol('BILLING_OPTIONS');

export interface BillingOptions {
  /** Origin of the payment screen; a link is `${paymentScreenPublicUrl}/p/<token>`. */
  paymentScreenPublicUrl: string;
  /** Hours (Japan time) SMS may go out, unless the merchant set its own. */
  defaultSendingWindow: SendingWindow;
  /** The reminder SMS goes this many days before the due date; 0 sends none. */
  reminderDaysBefore: number;
  /** How often the expiry and reminder jobs look for work; 0 leaves them off (tests run them by hand). */
  jobsIntervalMs: number;
  sms: SmsOptions;
  webhooks: WebhookOptions;
}

export interface WebhookOptions {
  /** How often the delivery job looks at its queue; 0 leaves it off. */
  deliveryIntervalMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
  /** Retries stop this long after the event (3 days). */
  giveUpAfterMs: number;
  timeoutMs: number;
}

export interface SmsOptions {
  provider: 'dev-inbox' | 'twilio';
  /** How often the dispatcher looks at the queue; 0 leaves it off (tests run it by hand). */
  dispatchIntervalMs: number;
  batchSize: number;
  /** The provider's rate limit, per instance. */
  ratePerSecond: number;
  /** Attempts before a message fails for good (transient errors only; a refused number fails at once). */
  maxAttempts: number;
  /** First retry delay, doubling up to an hour. */
  retryInitialMs: number;
  twilio?: TwilioOptions;
}
