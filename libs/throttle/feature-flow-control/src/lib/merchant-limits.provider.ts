import { Inject, Injectable } from '@nestjs/common';
import { MerchantLimitsRepository } from '@kessai/throttle-data-access';
import type { MerchantLimits } from '@kessai/throttle-domain';
import { FLOW_CONTROL_OPTIONS, FlowControlOptions } from './flow-control.options';

/**
 * A merchant's limits as this instance currently knows them: read from PostgreSQL and kept for
 * FLOW_LIMITS_CACHE_MS, so an admin change reaches every instance within that time, without a restart.
 * While the database does not answer, the last known limits (or the defaults) stay in force.
 */
@Injectable()
export class MerchantLimitsProvider {
  private readonly cache = new Map<string, { limits: MerchantLimits; until: number; refreshing?: Promise<void> }>();
  private readonly firstLoads = new Map<string, Promise<void>>();

  constructor(
    private readonly repository: MerchantLimitsRepository,
    @Inject(FLOW_CONTROL_OPTIONS) private readonly options: FlowControlOptions,
  ) {}

  async limitsOf(merchantId: string): Promise<MerchantLimits> {
    const cached = this.cache.get(merchantId);
    const now = Date.now();
    if (cached && cached.until > now) return cached.limits;
    if (cached?.refreshing) return cached.limits;
    const loading = this.firstLoads.get(merchantId);
    if (loading) {
      await loading;
      return this.cache.get(merchantId)?.limits ?? this.defaults();
    }
    const refresh = this.repository
      .find(merchantId)
      .then((limits) => {
        this.cache.set(merchantId, { limits: limits ?? this.defaults(), until: Date.now() + this.options.limitsCacheMs });
      })
      .catch(() => {
        this.cache.set(merchantId, { limits: cached?.limits ?? this.defaults(), until: Date.now() + this.options.limitsCacheMs });
      });
    if (cached) {
      // Serve the limits we have while one refresh runs: no request waits on the database but the first.
      cached.refreshing = refresh;
      return cached.limits;
    }
    this.firstLoads.set(merchantId, refresh);
    await refresh.finally(() => this.firstLoads.delete(merchantId));
    return this.cache.get(merchantId)?.limits ?? this.defaults();
  }

  /** Applies a change made on this instance at once (others follow within the cache time). */
  forget(merchantId: string): void {
    this.cache.delete(merchantId);
  }

  defaults(): MerchantLimits {
    return { merchant: this.options.defaultPolicy, paymentMethods: {} };
  }
}
