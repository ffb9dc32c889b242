export const AUTHORIZATION_OPTIONS = Symbol('AUTHORIZATION_OPTIONS');

export interface AuthorizationOptions {
  latencyProfile: 'none' | 'realistic';
  /** 0 to 1: share of authorizations answered with a processor error. */
  errorRate: number;
  /** How long a single call with the timeout test card hangs before 504. */
  timeoutAfterMs: number;
  /** Origin browsers reach the simulator at (challenge pages). */
  publicUrl: string;
}
