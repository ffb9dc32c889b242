import { FlowDecision, FlowLimitKind, FlowPriority, FlowRule, FlowRuleUsage } from './flow-rule';

/**
 * The same decision as the Redis script, in this process's memory: used while Redis is unreachable, with each
 * limit scaled by `share` (this instance's part of the fleet), so a fail-open gateway still bounds a merchant.
 */
export class LocalFlowLimiter {
  private readonly tats = new Map<string, number>();
  private readonly leases = new Map<string, Map<string, number>>();

  constructor(
    private readonly share: number,
    private readonly now: () => number = Date.now,
  ) {}

  acquire(rules: FlowRule[], priority: FlowPriority, leaseId: string, leaseMs: number): FlowDecision {
    const now = this.now();
    const usage: FlowRuleUsage[] = [];
    const newTats: number[] = [];
    let rejected: { rule: number; by: FlowLimitKind; shed: boolean; retryAfterMs: number } | undefined;
    rules.forEach((rule, i) => {
      const share = priority === 'priority' ? 1 : 1 - rule.reservedShare;
      const rate = rule.ratePerSecond * this.share;
      const concurrency = Math.floor(rule.concurrency * this.share);
      let by: FlowLimitKind | undefined;
      let shed = false;
      let retryAfterMs = 0;
      let rateUsage = 0;
      if (rule.ratePerSecond > 0) {
        const window = rule.burstMultiple * 1000;
        const tat = Math.max(this.tats.get(rule.subject) ?? now, now);
        newTats[i] = tat + 1000 / Math.max(rate, 0.001);
        rateUsage = (newTats[i] - now) / window;
        if (newTats[i] - now > window * share) {
          by = 'rate';
          shed = newTats[i] - now <= window;
          retryAfterMs = newTats[i] - now - window * share;
        }
      }
      const held = this.liveLeases(rule.subject, now);
      if (!by && rule.concurrency > 0 && held.size + 1 > Math.floor(concurrency * share)) {
        by = 'concurrency';
        shed = held.size + 1 <= concurrency;
        retryAfterMs = 1000;
      }
      usage.push({ inFlight: held.size, concurrencyUsage: 0, rateUsage, shadowRejectedBy: by && rule.shadow ? by : undefined });
      if (by && !rule.shadow && !rejected) rejected = { rule: i, by, shed, retryAfterMs };
    });
    if (rejected) {
      return { admitted: false, rejectedRule: rejected.rule, rejectedBy: rejected.by, shed: rejected.shed, retryAfterMs: Math.ceil(rejected.retryAfterMs), usage: withConcurrencyUsage(rules, usage), degraded: 'fail-open' };
    }
    const leaseKeys: string[] = [];
    rules.forEach((rule, i) => {
      if (rule.ratePerSecond > 0) this.tats.set(rule.subject, newTats[i]);
      if (rule.concurrency > 0) {
        this.liveLeases(rule.subject, now).set(leaseId, now + leaseMs);
        leaseKeys.push(rule.subject);
        usage[i].inFlight += 1;
      }
    });
    return { admitted: true, shed: false, retryAfterMs: 0, lease: { id: leaseId, leaseKeys, local: true }, usage: withConcurrencyUsage(rules, usage), degraded: 'fail-open' };
  }

  release(leaseId: string, leaseKeys: string[]): void {
    for (const key of leaseKeys) this.leases.get(key)?.delete(leaseId);
  }

  private liveLeases(subject: string, now: number): Map<string, number> {
    let held = this.leases.get(subject);
    if (!held) {
      held = new Map();
      this.leases.set(subject, held);
    }
    for (const [id, expiry] of held) if (expiry <= now) held.delete(id);
    return held;
  }
}

export function withConcurrencyUsage(rules: FlowRule[], usage: FlowRuleUsage[]): FlowRuleUsage[] {
  return usage.map((u, i) => ({ ...u, concurrencyUsage: rules[i].concurrency > 0 ? u.inFlight / rules[i].concurrency : 0 }));
}
