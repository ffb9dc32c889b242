import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'ks_csrf';
export const CSRF_FIELD = '_csrf';

/** A new random browser secret for the CSRF cookie (HttpOnly, SameSite=Lax). */
export function newCsrfCookieValue(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The form token: an HMAC of the browser's cookie secret and the bill, so a token is good only in the browser
 * that holds the cookie and only for that bill's forms (a signed double-submit cookie).
 */
export function csrfTokenFor(secret: string, cookieValue: string, billId: string): string {
  return createHmac('sha256', secret).update(`${cookieValue}.${billId}`).digest('base64url');
}

export function isValidCsrfToken(secret: string, cookieValue: unknown, billId: string, token: unknown): boolean {
  if (typeof cookieValue !== 'string' || cookieValue.length < 16 || typeof token !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, cookieValue, billId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
