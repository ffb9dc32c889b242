import { Controller, Delete, Headers, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Put, UseGuards } from '@nestjs/common';
import { DeploymentRole, RuleSetRepository } from '@kessai/screening-data-access';
import { OperatorGuard, RuleSetCache, ScreeningException } from '@kessai/screening-feature-decisions';
import { Clock } from '@kessai/shared-clock';

/** Which version decides (active) and which runs alongside it without effect (shadow). */
@Controller('rule-sets')
@UseGuards(OperatorGuard)
export class DeployRuleSetHttpController {
  constructor(
    private readonly ruleSets: RuleSetRepository,
    private readonly cache: RuleSetCache,
    private readonly clock: Clock,
  ) {}

  /** Makes a version the one that decides; activating an older version is the rollback. */
  @Post(':version/activate')
  @HttpCode(HttpStatus.NO_CONTENT)
  activate(@Param('version', ParseIntPipe) version: number, @Headers('x-kessai-operator') operator?: string): Promise<void> {
    return this.deploy('active', version, operator);
  }

  /** Runs a version in shadow: evaluated on live traffic, recorded and compared, never enforced. */
  @Put('shadow/:version')
  @HttpCode(HttpStatus.NO_CONTENT)
  shadow(@Param('version', ParseIntPipe) version: number, @Headers('x-kessai-operator') operator?: string): Promise<void> {
    return this.deploy('shadow', version, operator);
  }

  @Delete('shadow')
  @HttpCode(HttpStatus.NO_CONTENT)
  stopShadow(@Headers('x-kessai-operator') operator?: string): Promise<void> {
    return this.deploy('shadow', undefined, operator);
  }

  private async deploy(role: DeploymentRole, version: number | undefined, operator = 'operator'): Promise<void> {
    if (version !== undefined && !(await this.ruleSets.find(version))) {
      throw new ScreeningException('SCREENING_RULE_SET_NOT_FOUND', `No rule-set version ${version}`, 'version');
    }
    await this.ruleSets.deploy(role, version, operator, this.clock.now());
    await this.cache.refresh();
  }
}
