export { RecurringException, type RecurringErrorCode } from './lib/recurring.exception';
export { Cycle } from './lib/cycle';
export { CYCLE_DEADLINE_DAYS, type CycleDeadlineDay, type ShopSettings, shopSettings } from './lib/shop-settings';
export { type RecurringDefinition, recurringDefinition, isDefinitionActiveIn } from './lib/recurring-definition';
export { type ChargeSource, chargeKey, apiCallChargeKey, DEFINITION_CHARGE_KEY_SQL, FILE_LINE_CHARGE_KEY_SQL } from './lib/charge-key';
export { japanTimeText, openCycleForUpload, requireCycleOpenForUpload } from './lib/upload-window';
export {
  CHARGE_FILE_REQUIRED_COLUMNS,
  CHARGE_FILE_OPTIONAL_COLUMNS,
  type ChargeFileLine,
  type ChargeFileProblem,
  checkChargeFileHeader,
  parseChargeFileLine,
} from './lib/charge-file-line';
export {
  type Charge,
  type ChargeStatus,
  authorizeCharge,
  declineCharge,
  acceptChargeUnderFloorLimit,
  captureCharge,
  declineChargeSettlement,
  authorizeChargeOnRetry,
} from './lib/charge';
export { type SettlementAnswer, type SettlementOutcome, saleReference, settlementOutcomeOf, SALE_REFERENCE_SQL } from './lib/settlement';
export { type CardRefreshAnswer, type CardRefreshResult, cardRefreshAnswerOf, cardRefreshEffect } from './lib/card-refresh';
export {
  type DeclineKind,
  type DunningState,
  type DunningStep,
  type DunningStopReason,
  DunningSchedule,
  declineKindOf,
  nextDunningStep,
  retryIdempotencyKey,
} from './lib/dunning';
export { type JobProgress, jobProgress, crossesProgressMark } from './lib/job-progress';
