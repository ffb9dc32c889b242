/** Done/total, rate and estimated time left of a running job, from its start and now. */
export interface JobProgress {
  done: number;
  total: number;
  /** Records per second since the start. */
  ratePerSecond: number;
  /** Seconds left at the current rate; null while nothing is done yet. */
  etaSeconds: number | null;
}

export function jobProgress(done: number, total: number, startedAt: Date, now: Date): JobProgress {
  const seconds = Math.max((now.getTime() - startedAt.getTime()) / 1000, 0.001);
  const ratePerSecond = Math.round(done / seconds);
  const left = Math.max(total - done, 0);
  return { done, total, ratePerSecond, etaSeconds: done === 0 || ratePerSecond === 0 ? (left === 0 ? 0 : null) : Math.ceil(left / ratePerSecond) };
}

/** True when a batch moving `done` from `before` crosses a multiple of `every` (progress is logged every 10,000). */
export function crossesProgressMark(before: number, after: number, every = 10_000): boolean {
  return Math.floor(after / every) > Math.floor(before / every);
}
