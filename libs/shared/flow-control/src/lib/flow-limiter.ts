import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { FlowDecision, FlowLease, FlowLimitKind, FlowPriority, FlowRule, FlowRuleUsage } from './flow-rule';
import { ACQUIRE_SCRIPT, RELEASE_SCRIPT, USAGE_SCRIPT } from './flow-scripts';
import { LocalFlowLimiter, withConcurrencyUsage } from './local-flow-limiter';

export interface FlowLimiterOptions {
  /** Prefix of every Redis key (a deployment or a test namespace). */
  keyPrefix: string;
  /**
   * How long a lease holds its slot when never released (a crashed instance). Must exceed the longest request,
   * or a slow request stops being counted while it still runs.
   */
  leaseMs: number;
  /** When Redis is unreachable: admit under a per-instance local limit (`open`) or reject (`closed`). */
  failureMode: 'open' | 'closed';
  /** In fail-open mode, the share of each limit this instance may admit on its own (e.g. 1 / instances). */
  localShare: number;
  /** Told about each Redis failure (for a log line or a metric); the decision does not wait for it. */
  onRedisFailure?: (error: Error) => void;
}

type FlowRedis = Redis & {
  kessaiFlowAcquire(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
  kessaiFlowRelease(numberOfKeys: number, ...args: string[]): Promise<number>;
  kessaiFlowUsage(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
};

const KINDS: Record<number, FlowLimitKind> = { 1: 'rate', 2: 'concurrency' };
const MAX_REMEMBERED_REJECTIONS = 10_000;

/** A rate rejection that holds until `until` (local ms) for requests of this priority or lower. */
interface RateRejection {
  until: number;
  shed: boolean;
  /** The rule's limits when it rejected: a changed limit is decided by Redis again at once. */
  limits: string;
}

/**
 * Flow control on Redis: concurrency leases and a GCRA rate limit for any number of rules, decided in one round
 * trip (a Lua script, loaded once and called by EVALSHA). Never throws and never waits on an unreachable Redis:
 * the client has no offline queue and a short command timeout, and the failure mode decides.
 *
 * Used by the throttle gateway per merchant and per merchant × payment method; the payment screen can protect
 * its customer sessions per merchant with the same class (see the library's README).
 */
export class FlowLimiter {
  private readonly redis: FlowRedis;
  private readonly local: LocalFlowLimiter;
  /** By `priority|subject`: see `rememberedRejection`. */
  private readonly rateRejections = new Map<string, RateRejection>();

  constructor(
    redis: Redis,
    private readonly options: FlowLimiterOptions,
  ) {
    if (!('kessaiFlowAcquire' in redis)) {
      redis.defineCommand('kessaiFlowAcquire', { lua: ACQUIRE_SCRIPT });
      redis.defineCommand('kessaiFlowRelease', { lua: RELEASE_SCRIPT });
      redis.defineCommand('kessaiFlowUsage', { lua: USAGE_SCRIPT });
    }
    this.redis = redis as FlowRedis;
    this.local = new LocalFlowLimiter(options.localShare);
  }

  async acquire(rules: FlowRule[], priority: FlowPriority = 'standard'): Promise<FlowDecision> {
    const leaseId = randomUUID();
    if (rules.length === 0) return { admitted: true, shed: false, retryAfterMs: 0, usage: [], lease: { id: leaseId, leaseKeys: [], local: false } };
    const sentAt = Date.now();
    const remembered = this.rememberedRejection(rules, priority, sentAt);
    if (remembered) return remembered;
    const keys = rules.flatMap((rule) => [this.key(rule, 'rate'), this.key(rule, 'leases')]);
    const args = rules.flatMap((rule) => [
      rule.ratePerSecond,
      Math.max(1, rule.burstMultiple),
      rule.concurrency,
      Math.min(0.9, Math.max(0, rule.reservedShare)),
      rule.shadow ? '1' : '0',
    ]);
    let reply: number[];
    try {
      reply = await this.redis.kessaiFlowAcquire(keys.length, ...keys, leaseId, this.options.leaseMs, priority === 'priority' ? '1' : '0', ...args);
    } catch (error) {
      this.options.onRedisFailure?.(error as Error);
      // A command that timed out may still have run: take its leases back, so they do not hold slots for leaseMs.
      const leaseKeys = rules.filter((rule) => rule.concurrency > 0).map((rule) => this.key(rule, 'leases'));
      if (leaseKeys.length > 0) void this.release({ id: leaseId, leaseKeys, local: false });
      return this.withoutRedis(rules, priority, leaseId);
    }
    const [admitted, rejectedRule, rejectedBy, shed, retryAfterMs] = reply;
    const usage: FlowRuleUsage[] = rules.map((_, i) => ({
      inFlight: reply[5 + i * 3],
      concurrencyUsage: 0,
      rateUsage: reply[6 + i * 3] / 1000,
      shadowRejectedBy: KINDS[reply[7 + i * 3]],
    }));
    if (admitted !== 1) {
      if (KINDS[rejectedBy] === 'rate') this.rememberRejection(rules[rejectedRule - 1], priority, { until: sentAt + retryAfterMs - 1, shed: shed === 1, limits: limitsOf(rules[rejectedRule - 1]) });
      return { admitted: false, rejectedRule: rejectedRule - 1, rejectedBy: KINDS[rejectedBy], shed: shed === 1, retryAfterMs, usage: withConcurrencyUsage(rules, usage) };
    }
    const leaseKeys = rules.filter((rule) => rule.concurrency > 0).map((rule) => this.key(rule, 'leases'));
    return { admitted: true, shed: false, retryAfterMs: 0, lease: { id: leaseId, leaseKeys, local: false }, usage: withConcurrencyUsage(rules, usage) };
  }

  /**
   * The current use of each rule across every instance (in flight, how full the rate's burst window is),
   * changing nothing. Throws when Redis cannot be asked: there is no current use to show then.
   */
  async usage(rules: FlowRule[]): Promise<FlowRuleUsage[]> {
    if (rules.length === 0) return [];
    const keys = rules.flatMap((rule) => [this.key(rule, 'rate'), this.key(rule, 'leases')]);
    const reply = await this.redis.kessaiFlowUsage(keys.length, ...keys, ...rules.map((rule) => Math.max(1, rule.burstMultiple)));
    return withConcurrencyUsage(
      rules,
      rules.map((_, i) => ({ inFlight: reply[i * 2], concurrencyUsage: 0, rateUsage: reply[i * 2 + 1] / 1000 })),
    );
  }

  /** Gives the lease's slots back. Idempotent: a second release, or one after expiry, changes nothing. */
  async release(lease: FlowLease): Promise<void> {
    if (lease.local) return this.local.release(lease.id, lease.leaseKeys);
    if (lease.leaseKeys.length === 0) return;
    // A failed release is not retried: the lease expires by itself after leaseMs.
    await this.redis.kessaiFlowRelease(lease.leaseKeys.length, ...lease.leaseKeys, lease.id).catch(() => undefined);
  }

  /**
   * A GCRA rate state only moves forward when a request is admitted, so a rule that rejected a request by rate
   * rejects every request of the same priority (or lower) until its retry time, whatever any instance does
   * meanwhile: such requests are answered here, without a Redis round trip. Under a 100× burst that is nearly
   * every request (the first rejection of each burst window goes to Redis, the rest do not), which keeps
   * rejections fast and Redis free for the other merchants. The retry time is counted from before the call, so
   * nothing is rejected that Redis would have admitted. Concurrency rejections are not remembered: a lease can
   * be released at any moment. A rule in shadow mode never rejects, so it is never remembered either.
   */
  private rememberedRejection(rules: FlowRule[], priority: FlowPriority, now: number): FlowDecision | undefined {
    if (this.rateRejections.size === 0) return undefined;
    for (let i = 0; i < rules.length; i += 1) {
      const rule = rules[i];
      if (rule.shadow || rule.ratePerSecond <= 0) continue;
      // A priority request rejected means a standard one would be too (it may use less of the limit).
      const memo = this.rateRejections.get(`priority|${rule.subject}`) ?? (priority === 'standard' ? this.rateRejections.get(`standard|${rule.subject}`) : undefined);
      if (!memo || memo.until <= now || memo.limits !== limitsOf(rule)) continue;
      const usage = rules.map(() => ({ inFlight: 0, concurrencyUsage: 0, rateUsage: 0 }));
      return { admitted: false, rejectedRule: i, rejectedBy: 'rate', shed: memo.shed && priority === 'standard', retryAfterMs: memo.until - now, usage };
    }
    return undefined;
  }

  private rememberRejection(rule: FlowRule | undefined, priority: FlowPriority, rejection: RateRejection): void {
    if (!rule || rule.shadow || rejection.until <= Date.now()) return;
    if (this.rateRejections.size >= MAX_REMEMBERED_REJECTIONS) {
      const now = Date.now();
      for (const [key, memo] of this.rateRejections) if (memo.until <= now) this.rateRejections.delete(key);
      if (this.rateRejections.size >= MAX_REMEMBERED_REJECTIONS) return;
    }
    this.rateRejections.set(`${priority}|${rule.subject}`, rejection);
  }

  private withoutRedis(rules: FlowRule[], priority: FlowPriority, leaseId: string): FlowDecision {
    if (this.options.failureMode === 'open') {
      const decision = this.local.acquire(
        rules.map((rule) => ({ ...rule, subject: this.key(rule, 'leases') })),
        priority,
        leaseId,
        this.options.leaseMs,
      );
      return decision;
    }
    return { admitted: false, shed: true, retryAfterMs: 1000, usage: rules.map(() => ({ inFlight: 0, concurrencyUsage: 0, rateUsage: 0 })), degraded: 'fail-closed' };
  }

  private key(rule: FlowRule, part: 'rate' | 'leases'): string {
    return `${this.options.keyPrefix}flow:${rule.subject}:${part}`;
  }
}

function limitsOf(rule: FlowRule): string {
  return `${rule.ratePerSecond}/${rule.burstMultiple}/${rule.reservedShare}`;
}
