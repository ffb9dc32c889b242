/** What the lockout rule needs to know of a user's recent sign-ins. */
export interface SignInFailureState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export function isLocked(state: SignInFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * A wrong password (or second factor): one more failure; the failure that reaches the limit locks the account
 * for `lockMs` and starts the count again, so the next window allows the same number of tries.
 */
export function afterFailedSignIn(state: SignInFailureState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): SignInFailureState {
  const failedAttempts = (isLocked(state, now) ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= policy.maxFailures) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  return { failedAttempts, lockedUntil: state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null };
}

export function afterSuccessfulSignIn(): SignInFailureState {
  return { failedAttempts: 0, lockedUntil: null };
}
