import { CreateRecurringSchema1763780000000 } from './lib/migrations/1763780000000-create-recurring-schema';
import { CreateRecurringTables1763900000000 } from './lib/migrations/1763900000000-create-recurring-tables';
import { CreateSettlementTables1765300000000 } from './lib/migrations/1765300000000-create-settlement-tables';

export { recurringTable } from './lib/recurring-tables';
export { ShopRepository } from './lib/shop.repository';
export { MandateRepository, type MandateRecord } from './lib/mandate.repository';
export { JobRepository, type JobExecutionRecord, type JobPartitionRecord } from './lib/job.repository';
export { ChargeRepository, type PendingCharge, type AuthorizationOutcome, type ChargeResultRow } from './lib/charge.repository';
export { CaptureFileRepository, type CaptureLine, type CaptureSettlement } from './lib/capture-file.repository';
export { CardRefreshRepository, type StoppedDefinition } from './lib/card-refresh.repository';
export { DunningRepository, type DeclinedCharge, type RetryState } from './lib/dunning.repository';

export const RECURRING_ENTITIES = [];
/** In order of application. */
export const RECURRING_MIGRATIONS = [
  CreateRecurringSchema1763780000000,
  CreateRecurringTables1763900000000,
  CreateSettlementTables1765300000000,
];
