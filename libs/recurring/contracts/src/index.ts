import type { EventDefinition } from '@kessai/shared-contracts';
import { ChargeAuthorizedV1 } from './lib/events/charge-authorized.v1';
import { ChargeDeclinedV1 } from './lib/events/charge-declined.v1';
import { MandateCreatedV1 } from './lib/events/mandate-created.v1';
import { MandateRevokedV1 } from './lib/events/mandate-revoked.v1';
import { ShopWorkRequestedV1 } from './lib/events/shop-work-requested.v1';
import { BillChargeAuthorizedV1 } from './lib/events/bill-charge-authorized.v1';
import { BillChargeDeclinedV1 } from './lib/events/bill-charge-declined.v1';
import { ShopWorkRequestedV2 } from './lib/events/shop-work-requested.v2';
import { ChargeCapturedV1 } from './lib/events/charge-captured.v1';
import { ChargeSettlementDeclinedV1 } from './lib/events/charge-settlement-declined.v1';
import { ChargeRetryScheduledV1 } from './lib/events/charge-retry-scheduled.v1';
import { ChargeDunningStoppedV1 } from './lib/events/charge-dunning-stopped.v1';
import { CardRefreshedV1 } from './lib/events/card-refreshed.v1';
import { DefinitionStoppedV1 } from './lib/events/definition-stopped.v1';

export { ShopWorkRequestedV1, ShopWorkRequestedV1Payload, RECURRING_JOB_NAMES } from './lib/events/shop-work-requested.v1';
export { ShopWorkRequestedV2, ShopWorkRequestedV2Payload } from './lib/events/shop-work-requested.v2';
export { MandateCreatedV1, MandateCreatedV1Payload } from './lib/events/mandate-created.v1';
export { MandateRevokedV1, MandateRevokedV1Payload, MANDATE_REVOKED_REASONS } from './lib/events/mandate-revoked.v1';
export { ChargeAuthorizedV1, ChargeAuthorizedV1Payload } from './lib/events/charge-authorized.v1';
export { ChargeDeclinedV1, ChargeDeclinedV1Payload } from './lib/events/charge-declined.v1';
export { BillChargeAuthorizedV1, BillChargeAuthorizedV1Payload } from './lib/events/bill-charge-authorized.v1';
export { BillChargeDeclinedV1, BillChargeDeclinedV1Payload } from './lib/events/bill-charge-declined.v1';
export { ChargeCapturedV1, ChargeCapturedV1Payload } from './lib/events/charge-captured.v1';
export { ChargeSettlementDeclinedV1, ChargeSettlementDeclinedV1Payload } from './lib/events/charge-settlement-declined.v1';
export { ChargeRetryScheduledV1, ChargeRetryScheduledV1Payload } from './lib/events/charge-retry-scheduled.v1';
export { ChargeDunningStoppedV1, ChargeDunningStoppedV1Payload, DUNNING_STOP_REASONS } from './lib/events/charge-dunning-stopped.v1';
export { CardRefreshedV1, CardRefreshedV1Payload, CARD_REFRESH_ANNOUNCED_RESULTS } from './lib/events/card-refreshed.v1';
export { DefinitionStoppedV1, DefinitionStoppedV1Payload, DEFINITION_STOP_REASONS } from './lib/events/definition-stopped.v1';

/** Every event the recurring context publishes. */
export const RECURRING_EVENTS: EventDefinition[] = [
  ShopWorkRequestedV1,
  ShopWorkRequestedV2,
  MandateCreatedV1,
  MandateRevokedV1,
  ChargeAuthorizedV1,
  ChargeDeclinedV1,
  BillChargeAuthorizedV1,
  BillChargeDeclinedV1,
  // sales confirmation, dunning and card refresh
  ChargeCapturedV1,
  ChargeSettlementDeclinedV1,
  ChargeRetryScheduledV1,
  ChargeDunningStoppedV1,
  CardRefreshedV1,
  DefinitionStoppedV1,
];
