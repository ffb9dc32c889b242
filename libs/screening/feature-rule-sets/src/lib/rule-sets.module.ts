import { Module } from '@nestjs/common';
import { DecisionRepository, RuleSetRepository } from '@kessai/screening-data-access';
import { DeployRuleSetHttpController } from './commands/deploy-rule-set/deploy-rule-set.http.controller';
import { PublishRuleSetHttpController } from './commands/publish-rule-set/publish-rule-set.http.controller';
import { RunBacktestHttpController } from './commands/run-backtest/run-backtest.http.controller';
import { ListRuleSetsHttpController } from './queries/list-rule-sets/list-rule-sets.http.controller';

@Module({
  controllers: [PublishRuleSetHttpController, DeployRuleSetHttpController, ListRuleSetsHttpController, RunBacktestHttpController],
  providers: [RuleSetRepository, DecisionRepository],
})
export class RuleSetsModule {}
