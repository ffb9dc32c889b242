/** What the customer sees at a payment link. */
export type PaymentPageView = 'payable' | 'paid' | 'expired' | 'canceled';

export type PaymentPageStatus = 'awaiting-payment' | 'paid' | 'expired' | 'canceled';

/**
 * A page is payable while its bill is open and the link has not passed its expiry; billing's expiry job may
 * lag behind the clock, so the link's own expiry is checked too.
 */
export function viewOfPaymentPage(page: { status: string; linkExpiresAt: Date | null }, now: Date): PaymentPageView {
  if (page.status === 'paid' || page.status === 'canceled' || page.status === 'expired') return page.status;
  if (page.linkExpiresAt && page.linkExpiresAt.getTime() <= now.getTime()) return 'expired';
  return 'payable';
}

/** Konbini slips are due by the end of the bill's due date in Japan (23:59:59 JST), or when the link expires if sooner. */
export function konbiniDeadline(dueDate: string, linkExpiresAt: Date | null): Date {
  const endOfDueDate = new Date(`${dueDate}T23:59:59+09:00`);
  return linkExpiresAt && linkExpiresAt < endOfDueDate ? linkExpiresAt : endOfDueDate;
}

// Not inside a word or an id (UUIDs carry long digit runs between dashes).
const CARD_LIKE = /(?<![\w-])[2-6](?: ?\d){12,18}(?![\w-])/g;

/**
 * A string that looks like a card number, for the checks that none is ever kept: 13–19 digits (optionally
 * spaced), standing alone, starting like a card brand (2–6; millisecond timestamps start with 1) and passing the Luhn check.
 */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(CARD_LIKE)) {
    const digits = match[0].replace(/\D/g, '');
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return true;
  }
  return false;
}
