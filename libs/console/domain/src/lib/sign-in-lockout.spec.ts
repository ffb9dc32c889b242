import { afterFailedSignIn, afterSuccessfulSignIn, isLocked } from './sign-in-lockout';

describe('sign-in lockout', () => {
  const policy = { maxFailures: 3, lockMs: 60_000 };
  const now = new Date('2026-12-01T10:00:00Z');

  it('locks the account on the failure that reaches the limit, for the lock time', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    state = afterFailedSignIn(state, now, policy);
    state = afterFailedSignIn(state, now, policy);
    expect(isLocked(state, now)).toBe(false);
    state = afterFailedSignIn(state, now, policy);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 59_999))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 60_000))).toBe(false);
  });

  it('gives the same number of tries again once a lock has run out', () => {
    const expired = { failedAttempts: 0, lockedUntil: new Date(now.getTime() - 1) };
    const once = afterFailedSignIn(expired, now, policy);
    expect(once).toEqual({ failedAttempts: 1, lockedUntil: null });
  });

  it('forgets the failures after a successful sign-in', () => {
    expect(afterSuccessfulSignIn()).toEqual({ failedAttempts: 0, lockedUntil: null });
  });
});
