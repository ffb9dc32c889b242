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
}
