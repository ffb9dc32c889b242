import { BillingException } from './billing.exception';

/**
 * created → scheduled (its SMS is queued) → sent → opened → paid; or expired, canceled, failed (the SMS could
 * not be delivered). A bill can be opened or paid before its SMS goes out (the merchant shared the link itself).
 */
export const BILL_STATUSES = ['created', 'scheduled', 'sent', 'opened', 'paid', 'expired', 'canceled', 'failed'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** A bill in one of these can still be paid, opened, canceled or expired. */
export const OPEN_BILL_STATUSES: readonly BillStatus[] = ['created', 'scheduled', 'sent', 'opened'];

const ALLOWED: Record<BillStatus, readonly BillStatus[]> = {
  created: ['scheduled', 'sent', 'opened', 'paid', 'expired', 'canceled', 'failed'],
  scheduled: ['scheduled', 'sent', 'opened', 'paid', 'expired', 'canceled', 'failed'],
  sent: ['scheduled', 'sent', 'opened', 'paid', 'expired', 'canceled'],
  opened: ['scheduled', 'sent', 'paid', 'expired', 'canceled'],
  // A customer who paid at a konbini just before the deadline is paid even if the expiry job ran first.
  expired: ['paid'],
  paid: [],
  canceled: [],
  failed: ['scheduled', 'opened', 'paid', 'expired', 'canceled'],
};

export function canTransition(from: BillStatus, to: BillStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: BillStatus, to: BillStatus): void {
  if (!canTransition(from, to)) {
    throw new BillingException('BILLING_BILL_TRANSITION_NOT_ALLOWED', `A ${from} bill cannot become ${to}`, 'status');
  }
}

export function isOpen(status: BillStatus): boolean {
  return OPEN_BILL_STATUSES.includes(status);
}
