import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { RuleSetRepository } from '@kessai/screening-data-access';
import { CompiledRuleSet } from '@kessai/screening-domain';
import { OperatorGuard } from '@kessai/screening-feature-decisions';
import { Clock } from '@kessai/shared-clock';
import { PublishRuleSetRequestDto } from './publish-rule-set.request.dto';

@Controller('rule-sets')
@UseGuards(OperatorGuard)
export class PublishRuleSetHttpController {
  constructor(
    private readonly ruleSets: RuleSetRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores a new version after compiling every rule: a bad rule is refused (422, SCREENING_RULE_INVALID) with
   * its id, the line and column in its condition and what was expected. Publishing does not activate it.
   */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async publish(@Body() body: PublishRuleSetRequestDto, @Headers('x-kessai-operator') operator?: string) {
    const compiled = CompiledRuleSet.compile(body.rules);
    const version = await this.ruleSets.publish(body.rules, body.note ?? '', operator ?? 'operator', this.clock.now());
    return { version: version.version, rules: compiled.size, publishedAt: version.publishedAt };
  }
}
