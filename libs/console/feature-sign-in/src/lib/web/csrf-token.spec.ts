import { csrfTokenFor, isValidCsrfToken, newCsrfCookieValue } from './csrf-token';

describe('console CSRF tokens', () => {
  const secret = 'a-test-secret-of-enough-length';

  it('accepts the token rendered for the same cookie and session', () => {
    const cookie = newCsrfCookieValue();
    expect(isValidCsrfToken(secret, cookie, 'session-a', csrfTokenFor(secret, cookie, 'session-a'))).toBe(true);
  });

  it('refuses a token of another session, another cookie or none', () => {
    const cookie = newCsrfCookieValue();
    const token = csrfTokenFor(secret, cookie, 'session-a');
    expect(isValidCsrfToken(secret, cookie, 'session-b', token)).toBe(false);
    expect(isValidCsrfToken(secret, newCsrfCookieValue(), 'session-a', token)).toBe(false);
    expect(isValidCsrfToken(secret, cookie, 'session-a', undefined)).toBe(false);
    expect(isValidCsrfToken(secret, undefined, 'session-a', token)).toBe(false);
  });
});
