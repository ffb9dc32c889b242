import { Injectable } from '@nestjs/common';
import { Clock } from '@kessai/shared-clock';
import { MerchantLimitsRepository } from '@kessai/throttle-data-access';
import { limitPolicyProblems, MerchantLimits, ThrottleException } from '@kessai/throttle-domain';
import { MerchantLimitsProvider } from '../../merchant-limits.provider';

@Injectable()
export class SetMerchantLimitsHandler {
  constructor(
    private readonly repository: MerchantLimitsRepository,
    private readonly provider: MerchantLimitsProvider,
    private readonly clock: Clock,
  ) {}

  /** Replaces the merchant's limits; every instance applies them within FLOW_LIMITS_CACHE_MS. */
  async execute(merchantId: string, limits: MerchantLimits): Promise<MerchantLimits> {
    const problems = [
      ...limitPolicyProblems(limits.merchant, 'merchant'),
      ...Object.entries(limits.paymentMethods).flatMap(([method, policy]) => limitPolicyProblems(policy, `paymentMethods.${method}`)),
    ];
    if (problems.length > 0) {
      throw new ThrottleException('THROTTLE_LIMITS_INVALID', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems[0].field);
    }
    await this.repository.put(merchantId, limits, this.clock.now());
    this.provider.forget(merchantId);
    return limits;
  }
}
