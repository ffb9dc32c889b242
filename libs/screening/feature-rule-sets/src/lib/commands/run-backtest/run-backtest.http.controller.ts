import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { DecisionRepository, RuleSetRepository } from '@kessai/screening-data-access';
import { BacktestReport, BacktestTally, CompiledRuleSet } from '@kessai/screening-domain';
import { OperatorGuard, ScreeningException } from '@kessai/screening-feature-decisions';
import { RunBacktestRequestDto } from './run-backtest.request.dto';

@Controller('backtests')
@UseGuards(OperatorGuard)
export class RunBacktestHttpController {
  constructor(
    private readonly ruleSets: RuleSetRepository,
    private readonly decisions: DecisionRepository,
  ) {}

  /**
   * Replays a version over the decisions stored in a period, with the outcomes reported since: how many more or
   * fewer declines, and how many chargebacks and unpaid payments it would have caught.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  async run(@Body() body: RunBacktestRequestDto): Promise<{ version: number; from: string; to: string; report: BacktestReport }> {
    const from = new Date(body.from);
    const to = new Date(body.to);
    if (from >= to) throw new ScreeningException('SCREENING_BACKTEST_INVALID', '"from" must be before "to"', 'from');
    const version = await this.ruleSets.find(body.version);
    if (!version) throw new ScreeningException('SCREENING_RULE_SET_NOT_FOUND', `No rule-set version ${body.version}`, 'version');
    const tally = new BacktestTally(CompiledRuleSet.compile(version.rules));
    for await (const page of this.decisions.withOutcomes(from, to)) {
      for (const decision of page) tally.add(decision.decision, decision.features, decision.outcome);
    }
    return { version: body.version, from: body.from, to: body.to, report: tally.result() };
  }
}
