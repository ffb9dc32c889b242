import { Controller, Get, Query } from '@nestjs/common';
import { MerchantScreeningRepository, RuleSetRepository } from '@kessai/screening-data-access';
import { MerchantId } from '@kessai/shared-service-runtime';
import { LimitRequestDto } from '../../http/limit.request.dto';

export interface MerchantRulesView {
  /** Whether the merchant's payments are screened, and what a review means for them. */
  screening: { enabled: boolean; onReview: string };
  /** The active rule set, which applies to every merchant's payments; null before any is active. */
  ruleSetVersion: number | null;
  total: number;
  rules: { id: string; outcome: string; description?: string; when: string }[];
}

@Controller('merchant-rules')
export class ListMerchantRulesHttpController {
  constructor(
    private readonly ruleSets: RuleSetRepository,
    private readonly settings: MerchantScreeningRepository,
  ) {}

  /** The rules that apply to the calling merchant's payments (the active version, first `limit` of them) and its screening setting. */
  @Get()
  async list(@MerchantId() merchantId: string, @Query() query: LimitRequestDto): Promise<MerchantRulesView> {
    const [deployment, setting] = await Promise.all([this.ruleSets.deployment(), this.settings.find(merchantId)]);
    const active = deployment.active;
    const rules = active?.rules ?? [];
    return {
      screening: { enabled: setting?.enabled ?? false, onReview: setting?.onReview ?? 'decline' },
      ruleSetVersion: active?.version ?? null,
      total: rules.length,
      rules: rules.slice(0, query.limit ?? 200).map((rule) => ({ id: rule.id, outcome: rule.action, ...(rule.description && { description: rule.description }), when: rule.when })),
    };
  }
}
