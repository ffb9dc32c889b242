import { Controller, Get, Query } from '@nestjs/common';
import { DecisionRepository } from '@kessai/screening-data-access';
import { MerchantId } from '@kessai/shared-service-runtime';
import { LimitRequestDto } from '../../http/limit.request.dto';

export interface MerchantDecisionView {
  decisionId: string;
  paymentRef: string;
  outcome: string;
  score: number;
  decidedAt: string;
  ruleSetVersion: number;
  modelVersion: string;
  /** The rules that fired, with the feature values that made them fire. */
  reasons: { ruleId: string; outcome: string; description?: string; features: Record<string, string | number | boolean | null> }[];
}

@Controller('decisions')
export class ListMerchantDecisionsHttpController {
  constructor(private readonly decisions: DecisionRepository) {}

  /** The calling merchant's most recent decisions with their reasons (newest first); never another merchant's. */
  @Get()
  async list(@MerchantId() merchantId: string, @Query() query: LimitRequestDto): Promise<{ items: MerchantDecisionView[] }> {
    const decisions = await this.decisions.recentOfMerchant(merchantId, query.limit ?? 50);
    return {
      items: decisions.map((d) => ({
        decisionId: d.id,
        paymentRef: d.paymentRef,
        outcome: d.decision,
        score: d.score,
        decidedAt: new Date(d.decidedAt).toISOString(),
        ruleSetVersion: d.ruleSetVersion,
        modelVersion: d.modelVersion,
        reasons: d.fired.map((rule) => ({ ruleId: rule.id, outcome: rule.action, ...(rule.description && { description: rule.description }), features: rule.features })),
      })),
    };
  }
}
