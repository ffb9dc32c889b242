import { AddMerchantScreening1764600000000 } from './lib/migrations/1764600000000-add-merchant-screening';
import { CreateRecurringSchema1763780000000 } from './lib/migrations/1763780000000-create-recurring-schema';
import { CreateRecurringTables1763900000000 } from './lib/migrations/1763900000000-create-recurring-tables';

export { recurringTable } from './lib/recurring-tables';
export { ShopRepository } from './lib/shop.repository';
export { MandateRepository, type MandateRecord } from './lib/mandate.repository';
export { JobRepository, type JobExecutionRecord, type JobPartitionRecord } from './lib/job.repository';
export { ChargeRepository, type PendingCharge, type AuthorizationOutcome, type ChargeResultRow } from './lib/charge.repository';

export { MerchantScreeningRepository, type ShopScreening } from './lib/merchant-screening.repository';

export const RECURRING_ENTITIES = [];
/** In order of application. */
export const RECURRING_MIGRATIONS = [CreateRecurringSchema1763780000000, CreateRecurringTables1763900000000, AddMerchantScreening1764600000000];
