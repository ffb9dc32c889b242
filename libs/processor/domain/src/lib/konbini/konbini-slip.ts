export const KONBINI_CHAINS = ['seven-eleven', 'lawson', 'familymart', 'ministop', 'daily-yamazaki', 'seicomart'] as const;
export type KonbiniChain = (typeof KONBINI_CHAINS)[number];

export interface KonbiniSlipNumbers {
  /** The number the customer gives at the counter or types into the store terminal. */
  receiptNumber: string;
  /** The second number some chains ask for (Lawson, FamilyMart, Ministop). */
  confirmationNumber: string;
}

/** Mints the numbers printed on a payment slip from random digits (`randomDigit` returns 0 to 9). */
export function mintSlipNumbers(randomDigit: () => number): KonbiniSlipNumbers {
  const digits = (count: number) => Array.from({ length: count }, randomDigit).join('');
  return { receiptNumber: digits(11), confirmationNumber: digits(6) };
}

export type KonbiniStatus = 'awaiting_payment' | 'paid' | 'expired';

/** A slip can be paid at the store until its deadline; afterwards the store terminal refuses it. */
export function canPayAt(status: KonbiniStatus, deadline: Date, now: Date): 'ok' | 'expired' | 'already_paid' {
  if (status === 'paid') return 'already_paid';
  if (status === 'expired' || now.getTime() > deadline.getTime()) return 'expired';
  return 'ok';
}
