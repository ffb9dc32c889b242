export { RuleSetsModule } from './lib/rule-sets.module';
