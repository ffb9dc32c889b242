import { retryAfterSeconds } from './retry-after';

describe('Retry-After', () => {
  it('gives Retry-After in whole seconds, at least 1, with up to the jitter added', () => {
    expect(retryAfterSeconds(10, 0)).toBe(1);
    expect(retryAfterSeconds(1500, 0)).toBe(2);
    expect(retryAfterSeconds(1500, 2, () => 0.99)).toBe(4);
    expect(retryAfterSeconds(1500, 2, () => 0)).toBe(2);
  });
});
