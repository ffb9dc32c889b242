/** Delay before the next delivery attempt of a webhook: doubling from `initialMs`, capped at `maxMs`. */
export function webhookBackoffMs(attempts: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempts - 1));
}
