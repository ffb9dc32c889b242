import { AddMerchantScreening1765500000001 } from './lib/migrations/1765500000001-add-merchant-screening';
import { CreateRecurringSchema1763780000000 } from './lib/migrations/1763780000000-create-recurring-schema';
import { CreateRecurringTables1763900000000 } from './lib/migrations/1763900000000-create-recurring-tables';
import { AddRecurringIntake1765300000000 } from './lib/migrations/1765300000000-add-recurring-intake';
import { AddChargeFileResults1765400000000 } from './lib/migrations/1765400000000-add-charge-file-results';
import { AddPartitionLeasesAndScheduleSlots1765400000001 } from './lib/migrations/1765400000001-add-partition-leases-and-schedule-slots';
import { IndexDefinitionsInChunkOrder1765500000000 } from './lib/migrations/1765500000000-index-definitions-in-chunk-order';
import { CreateSettlementTables1765600000000 } from './lib/migrations/1765600000000-create-settlement-tables';
import { AddMandateRevocation1765700000000 } from './lib/migrations/1765700000000-add-mandate-revocation';
import { AllowCanceledCharges1765700000001 } from './lib/migrations/1765700000001-allow-canceled-charges';

export { recurringTable } from './lib/recurring-tables';
export { ShopRepository } from './lib/shop.repository';
export { MandateRepository, type MandateRecord, type MandateRevocationReason, type StoredMandate } from './lib/mandate.repository';
export { BillChargeRepository, type BillChargeRecord } from './lib/bill-charge.repository';
export { JobRepository, type JobExecutionRecord, type JobPartitionRecord, type PartitionClaim } from './lib/job.repository';
export { JobScheduleRepository } from './lib/job-schedule.repository';
export { MemberRepository, type MemberRecord } from './lib/member.repository';
export { DefinitionRepository, type DefinitionRecord } from './lib/definition.repository';
export { ApiChargeRepository, type ApiChargeRecord } from './lib/api-charge.repository';
export {
  ChargeFileRepository,
  stagingLine,
  type ChargeFileRecord,
  type ChargeFileMode,
  type ChargeFileChannel,
  type ChargeFileStatus,
} from './lib/charge-file.repository';
export { ChargeRepository, type PendingCharge, type AuthorizationOutcome, type ChargeResultRow } from './lib/charge.repository';
export { CaptureFileRepository, type CaptureLine, type CaptureSettlement } from './lib/capture-file.repository';
export { CardRefreshRepository, type StoppedDefinition } from './lib/card-refresh.repository';
export { DunningRepository, type DeclinedCharge, type RetryState } from './lib/dunning.repository';

export { MerchantScreeningRepository, type ShopScreening } from './lib/merchant-screening.repository';

export const RECURRING_ENTITIES = [];
/** In order of application. */
export const RECURRING_MIGRATIONS = [
  CreateRecurringSchema1763780000000,
  CreateRecurringTables1763900000000,
  AddRecurringIntake1765300000000,
  AddChargeFileResults1765400000000,
  AddPartitionLeasesAndScheduleSlots1765400000001,
  IndexDefinitionsInChunkOrder1765500000000,
  AddMerchantScreening1765500000001,
  CreateSettlementTables1765600000000,
  AddMandateRevocation1765700000000,
  AllowCanceledCharges1765700000001,
];
