import { CreateScreeningSchema1763780000000 } from './lib/migrations/1763780000000-create-screening-schema';
import { CreateScreeningTables1763790000000 } from './lib/migrations/1763790000000-create-screening-tables';
import { CreateMerchantScreening1764600000000 } from './lib/migrations/1764600000000-create-merchant-screening';
import { IndexDecisionsPerMerchant1765700000000 } from './lib/migrations/1765700000000-index-decisions-per-merchant';

export { RuleSetRepository, type RuleSetVersion, type Deployment, type DeploymentRole } from './lib/rule-sets/rule-set.repository';
export { ListEntryRepository, normalizeListValue, type ListEntry, type ListName, type ListScope, type ListChange } from './lib/lists/list-entry.repository';
export {
  DecisionRepository,
  type StoredDecision,
  type PaymentOutcome,
  type DecisionWithOutcome,
} from './lib/decisions/decision.repository';

export { MerchantScreeningRepository, type MerchantScreeningSetting } from './lib/merchant-screening/merchant-screening.repository';

export const SCREENING_ENTITIES = [];
/** In order of application. */
export const SCREENING_MIGRATIONS = [CreateScreeningSchema1763780000000, CreateScreeningTables1763790000000, CreateMerchantScreening1764600000000, IndexDecisionsPerMerchant1765700000000];
