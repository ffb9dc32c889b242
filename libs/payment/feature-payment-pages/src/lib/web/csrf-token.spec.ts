import { csrfTokenFor, isValidCsrfToken, newCsrfCookieValue } from './csrf-token';

describe('CSRF tokens of the payment forms', () => {
  const secret = 'unit-test-csrf-secret-value';
  const billId = '019aa000-0000-7000-8000-000000000001';

  it('accepts the token minted for this browser and this bill', () => {
    const cookie = newCsrfCookieValue();
    expect(isValidCsrfToken(secret, cookie, billId, csrfTokenFor(secret, cookie, billId))).toBe(true);
  });

  it("refuses another browser's token, another bill's token, a missing cookie and a token signed with another secret", () => {
    const cookie = newCsrfCookieValue();
    const token = csrfTokenFor(secret, cookie, billId);
    expect(isValidCsrfToken(secret, newCsrfCookieValue(), billId, token)).toBe(false);
    expect(isValidCsrfToken(secret, cookie, '019aa000-0000-7000-8000-000000000002', token)).toBe(false);
    expect(isValidCsrfToken(secret, undefined, billId, token)).toBe(false);
    expect(isValidCsrfToken(secret, cookie, billId, csrfTokenFor('another-secret-value!', cookie, billId))).toBe(false);
    expect(isValidCsrfToken(secret, cookie, billId, undefined)).toBe(false);
  });
});
