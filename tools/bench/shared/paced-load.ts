import { Pool } from 'undici';

export interface PacedResult {
  total: number;
  requestsPerSecond: number;
  /** Latency in ms by status, measured from when each request was due (no coordinated omission). */
  byStatus: Record<number, number[]>;
  /** Latency in ms by status from when each request was handed to the connection pool (the client's view). */
  fromSendByStatus: Record<number, number[]>;
  /** Requests handed to the pool more than 0.5 ms after they were due (the generator's own lateness). */
  lateSends: number;
  errors: number;
}

export interface PacingOptions {
  /**
   * Wait for the next due request with setImmediate (spinning the event loop) instead of a 1 ms timer: for a
   * generator with a core of its own (`taskset`); on a shared core it would take CPU from the target.
   */
  spin?: boolean;
  /** Seconds sent first and not counted (JIT, connections, caches). */
  warmupSeconds?: number;
}

/**
 * Sends `rate` requests per second evenly spaced (autocannon's `overallRate` sends each connection's share of a
 * second back to back at the start of the second: a micro-burst, not a rate). Latency counts from the moment a
 * request was due, so a stalled generator or target shows as latency rather than as fewer requests.
 */
export async function pacedLoad(
  url: string,
  headers: Record<string, string>,
  rate: number,
  durationSeconds: number,
  connections = 100,
  /** The n-th request's method and body, for a POST whose payload varies; GET without a body otherwise. */
  requestFor: (n: number) => { method: 'GET' | 'POST'; body?: string } = () => ({ method: 'GET' }),
  { spin = false, warmupSeconds = 0 }: PacingOptions = {},
): Promise<PacedResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections, pipelining: 1 });
  const byStatus: Record<number, number[]> = {};
  const fromSendByStatus: Record<number, number[]> = {};
  let errors = 0;
  let lateSends = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const startedAt = performance.now();
  const measureFrom = startedAt + warmupSeconds * 1000;
  const endAt = measureFrom + durationSeconds * 1000;
  const send = (n: number, dueAt: number) => {
    const { method, body } = requestFor(n);
    const sentAt = performance.now();
    const counted = dueAt >= measureFrom;
    if (counted && sentAt - dueAt > 0.5) lateSends += 1;
    const request = pool
      .request({ path: target.pathname + target.search, method, headers, body })
      .then(async (response) => {
        await response.body.dump();
        if (!counted) return;
        const now = performance.now();
        (byStatus[response.statusCode] ??= []).push(now - dueAt);
        (fromSendByStatus[response.statusCode] ??= []).push(now - sentAt);
      })
      .catch(() => {
        errors += 1;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  while (performance.now() < endAt) {
    // Requests whose due time has come: request n is due at n/rate, so that is floor(elapsed * rate) + 1 of them
    // (counting only floor(elapsed * rate) sent every request one interval after it was due).
    const due = Math.floor(((performance.now() - startedAt) * rate) / 1000) + 1;
    for (; sent < due; sent += 1) send(sent, startedAt + (sent * 1000) / rate);
    // A 1 ms timer unless told to spin: a spinning generator would take a core from the target on a small machine.
    await new Promise((resolve) => (spin ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
  await Promise.all(inFlight);
  await pool.close();
  const total = Object.values(byStatus).reduce((sum, list) => sum + list.length, 0);
  return { total, requestsPerSecond: Math.round(total / durationSeconds), byStatus, fromSendByStatus, lateSends, errors };
}

/** The value below which `share` (0..1) of the sorted values lie. */
export function percentile(sorted: number[], share: number): number | undefined {
  return sorted.length === 0 ? undefined : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}
