import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { DecisionRepository, StoredDecision } from '@kessai/screening-data-access';
import { MerchantId } from '@kessai/shared-service-runtime';
import { ScreeningException } from '../../screening.exception';

@Controller('decisions')
export class GetDecisionHttpController {
  constructor(private readonly decisions: DecisionRepository) {}

  /** A stored decision with its features, reasons and shadow result; a merchant sees only its own. */
  @Get(':decisionId')
  async get(@MerchantId() merchantId: string, @Param('decisionId', new ParseUUIDPipe()) decisionId: string): Promise<StoredDecision> {
    const decision = await this.decisions.find(decisionId);
    if (!decision || decision.merchantId !== merchantId) {
      throw new ScreeningException('SCREENING_DECISION_NOT_FOUND', `No decision ${decisionId} for this merchant`, 'decisionId');
    }
    return decision;
  }
}
