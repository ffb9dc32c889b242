import { Inject, Injectable } from '@nestjs/common';
import { FlowLease, FlowLimiter, FlowRule, retryAfterSeconds } from '@kessai/shared-flow-control';
import { FlowRejectionReason, LimitPolicy, REJECTION_CODES, rejectionReason, ThrottleErrorCode, ThrottleException } from '@kessai/throttle-domain';
import { FLOW_CONTROL_OPTIONS, FlowControlOptions } from './flow-control.options';
import { FlowMetrics, NEAR_LIMIT } from './flow-metrics';
import { MerchantLimitsProvider } from './merchant-limits.provider';

export type MerchantAdmission =
  | { admitted: true; ticket: FlowTicket }
  | { admitted: false; reason: FlowRejectionReason; code: ThrottleErrorCode; retryAfterSeconds: number; retryAfterMs: number };

/** What an admitted request holds until it finishes; `finish` is idempotent. */
export interface FlowTicket {
  finish(): Promise<void>;
}

const MERCHANT_WIDE = '*';

/** One limit's current use across every gateway instance. */
export interface ScopeUsage {
  inFlight: number;
  concurrency: number;
  /** inFlight / concurrency (0 without a concurrency limit). */
  concurrencyUsage: number;
  ratePerSecond: number;
  /** How full the rate's burst window is, 0 to 1 (0 without a rate limit). */
  rateUsage: number;
}

export interface MerchantUsage {
  merchant: ScopeUsage;
  paymentMethods: Record<string, ScopeUsage>;
}

/**
 * The gateway's flow control: for a merchant's request, the merchant's rule and one rule per payment method
 * the request concerns, all decided in one Redis round trip. Payment submissions are `priority`: they may use
 * the reserved share, so they are shed last.
 */
@Injectable()
export class MerchantFlowControl {
  constructor(
    private readonly limiter: FlowLimiter,
    private readonly limits: MerchantLimitsProvider,
    private readonly metrics: FlowMetrics,
    @Inject(FLOW_CONTROL_OPTIONS) private readonly options: FlowControlOptions,
  ) {}

  /**
   * `paymentMethods` is called only when the merchant has payment-method limits, so a request of a merchant
   * without them never has its body parsed.
   */
  async admit(merchantId: string, paymentMethods: () => string[], submission: boolean): Promise<MerchantAdmission> {
    const limits = await this.limits.limitsOf(merchantId);
    const scopes: { label: string; policy: LimitPolicy }[] = [{ label: MERCHANT_WIDE, policy: limits.merchant }];
    const methodLimits = Object.keys(limits.paymentMethods).length > 0 ? paymentMethods() : [];
    for (const method of methodLimits) {
      const policy = limits.paymentMethods[method];
      if (policy) scopes.push({ label: method, policy });
    }
    const rules = scopes.map(({ label, policy }) => ruleOf(merchantId, label, policy));
    const decision = await this.limiter.acquire(rules, submission ? 'priority' : 'standard');
    decision.usage.forEach((usage, i) => {
      if (usage.shadowRejectedBy) this.metrics.recordShadowRejected(merchantId, scopes[i].label, usage.shadowRejectedBy);
    });
    if (!decision.admitted) {
      const failed = decision.rejectedRule ?? 0;
      const reason: FlowRejectionReason =
        decision.degraded === 'fail-closed'
          ? 'flow-control-unavailable'
          : rejectionReason(failed === 0 ? 'merchant' : 'payment-method', decision.rejectedBy ?? 'rate', decision.shed);
      this.metrics.recordRejected(merchantId, scopes[failed]?.label ?? MERCHANT_WIDE, reason);
      return {
        admitted: false,
        reason,
        code: REJECTION_CODES[reason],
        retryAfterMs: decision.retryAfterMs,
        retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs, this.options.retryAfterJitterSeconds),
      };
    }
    scopes.forEach(({ label }, i) => {
      const usage = decision.usage[i];
      const near = usage.concurrencyUsage >= NEAR_LIMIT ? 'concurrency' : usage.rateUsage >= NEAR_LIMIT ? 'rate' : undefined;
      this.metrics.recordAdmitted(merchantId, label, near);
    });
    const lease = decision.lease as FlowLease;
    let finished = false;
    return {
      admitted: true,
      ticket: {
        finish: async () => {
          if (finished) return;
          finished = true;
          scopes.forEach(({ label }) => this.metrics.recordFinished(merchantId, label));
          await this.limiter.release(lease);
        },
      },
    };
  }

  /** The merchant's current use of each of its limits, as every instance sees it (Redis), taking nothing. */
  async usage(merchantId: string): Promise<MerchantUsage> {
    const limits = await this.limits.limitsOf(merchantId);
    const scopes: [string, LimitPolicy][] = [[MERCHANT_WIDE, limits.merchant], ...Object.entries(limits.paymentMethods)];
    const rules = scopes.map(([label, policy]) => ruleOf(merchantId, label, policy));
    const used = await this.limiter.usage(rules).catch((error: Error) => {
      throw new ThrottleException('THROTTLE_FLOW_CONTROL_UNAVAILABLE', `The current use cannot be read now (${error.message}); the limits still apply`);
    });
    const view = (i: number): ScopeUsage => ({
      inFlight: used[i].inFlight,
      concurrency: rules[i].concurrency,
      concurrencyUsage: used[i].concurrencyUsage,
      ratePerSecond: rules[i].ratePerSecond,
      rateUsage: rules[i].ratePerSecond > 0 ? Math.min(1, used[i].rateUsage) : 0,
    });
    return { merchant: view(0), paymentMethods: Object.fromEntries(scopes.slice(1).map(([label], i) => [label, view(i + 1)])) };
  }
}

function ruleOf(merchantId: string, label: string, policy: LimitPolicy): FlowRule {
  return { subject: label === MERCHANT_WIDE ? `{m:${merchantId}}` : `{m:${merchantId}}:pm:${label}`, ...policy };
}
