/**
 * Retry-After in whole seconds (the header allows nothing finer), at least 1, plus a random 0..jitter seconds
 * so rejected clients do not all come back in the same instant.
 */
export function retryAfterSeconds(retryAfterMs: number, jitterSeconds: number, random: () => number = Math.random): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000)) + Math.floor(random() * (jitterSeconds + 1));
}
