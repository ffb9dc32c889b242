import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'ks_console_csrf';
export const CSRF_FIELD = '_csrf';

export function newCsrfCookieValue(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * A form token: HMAC of the browser's CSRF cookie and its session (none before sign-in), so a token works only
 * in the browser that holds the cookie and only for the session it was rendered in (signed double submit).
 */
export function csrfTokenFor(secret: string, cookieValue: string, sessionBinding: string): string {
  return createHmac('sha256', secret).update(`${cookieValue}.${sessionBinding}`).digest('base64url');
}

export function isValidCsrfToken(secret: string, cookieValue: unknown, sessionBinding: string, token: unknown): boolean {
  if (typeof cookieValue !== 'string' || cookieValue.length < 16 || typeof token !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, cookieValue, sessionBinding));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
