import { Controller, Get, Param, ParseIntPipe, UseGuards } from '@nestjs/common';
import { RuleSetRepository } from '@kessai/screening-data-access';
import { OperatorGuard, ScreeningException } from '@kessai/screening-feature-decisions';

@Controller('rule-sets')
@UseGuards(OperatorGuard)
export class ListRuleSetsHttpController {
  constructor(private readonly ruleSets: RuleSetRepository) {}

  @Get()
  async list() {
    const [versions, deployment] = await Promise.all([this.ruleSets.list(), this.ruleSets.deployment()]);
    return { active: deployment.active?.version ?? null, shadow: deployment.shadow?.version ?? null, versions };
  }

  @Get(':version')
  async get(@Param('version', ParseIntPipe) version: number) {
    const found = await this.ruleSets.find(version);
    if (!found) throw new ScreeningException('SCREENING_RULE_SET_NOT_FOUND', `No rule-set version ${version}`, 'version');
    return found;
  }
}
