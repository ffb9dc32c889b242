import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { DecisionRepository } from '@kessai/screening-data-access';
import { Clock } from '@kessai/shared-clock';
import { OperatorGuard } from '../../http/operator.guard';
import { RecordOutcomeRequestDto } from './record-outcome.request.dto';

@Controller('outcomes')
@UseGuards(OperatorGuard)
export class RecordOutcomeHttpController {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  async record(@Body() body: RecordOutcomeRequestDto): Promise<void> {
    await this.decisions.recordOutcome(body.merchantId, body.paymentRef, body.outcome, this.clock.now());
  }
}
