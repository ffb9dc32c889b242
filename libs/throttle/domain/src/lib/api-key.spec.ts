import { describeApiKey, hashApiKey, isApiKeyUsable, issueApiKey } from './api-key';

describe('API keys', () => {
  it('issues test and live keys with their prefix and 256 random bits', () => {
    const test = issueApiKey('test');
    const live = issueApiKey('live');
    expect(test.secret).toMatch(/^kes_test_[A-Za-z0-9_-]{43}$/);
    expect(live.secret).toMatch(/^kes_live_[A-Za-z0-9_-]{43}$/);
    expect(test.displayPrefix).toBe(test.secret.slice(0, 13));
    expect(issueApiKey('test').secret).not.toBe(test.secret);
  });

  it('stores only a SHA-256 hash that does not contain the key', () => {
    const key = issueApiKey('live');
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).toBe(hashApiKey(key.secret));
    expect(key.hash).not.toContain(key.secret.slice(9));
  });

  it('refuses anything that is not a well-formed key before any lookup', () => {
    expect(describeApiKey('kes_prod_' + 'a'.repeat(43))).toBeUndefined();
    expect(describeApiKey('kes_test_short')).toBeUndefined();
    expect(describeApiKey('Bearer kes_test_' + 'a'.repeat(43))).toBeUndefined();
    expect(describeApiKey('kes_test_' + 'a'.repeat(43))?.mode).toBe('test');
  });

  it('is usable until revoked, and after rotation only until the overlap window ends', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(isApiKeyUsable({ revokedAt: null, expiresAt: null }, now)).toBe(true);
    expect(isApiKeyUsable({ revokedAt: null, expiresAt: new Date('2030-01-01T00:00:01Z') }, now)).toBe(true);
    expect(isApiKeyUsable({ revokedAt: null, expiresAt: now }, now)).toBe(false);
    expect(isApiKeyUsable({ revokedAt: new Date('2029-01-01T00:00:00Z'), expiresAt: null }, now)).toBe(false);
  });
});
