import type { EventDefinition } from '@kessai/shared-contracts';
import { ChargeAuthorizedV1 } from './lib/events/charge-authorized.v1';
import { ChargeDeclinedV1 } from './lib/events/charge-declined.v1';
import { MandateCreatedV1 } from './lib/events/mandate-created.v1';
import { ShopWorkRequestedV1 } from './lib/events/shop-work-requested.v1';
import { BillChargeAuthorizedV1 } from './lib/events/bill-charge-authorized.v1';
import { BillChargeDeclinedV1 } from './lib/events/bill-charge-declined.v1';

export { ShopWorkRequestedV1, ShopWorkRequestedV1Payload, RECURRING_JOB_NAMES } from './lib/events/shop-work-requested.v1';
export { MandateCreatedV1, MandateCreatedV1Payload } from './lib/events/mandate-created.v1';
export { ChargeAuthorizedV1, ChargeAuthorizedV1Payload } from './lib/events/charge-authorized.v1';
export { ChargeDeclinedV1, ChargeDeclinedV1Payload } from './lib/events/charge-declined.v1';
export { BillChargeAuthorizedV1, BillChargeAuthorizedV1Payload } from './lib/events/bill-charge-authorized.v1';
export { BillChargeDeclinedV1, BillChargeDeclinedV1Payload } from './lib/events/bill-charge-declined.v1';

/** Every event the recurring context publishes. */
export const RECURRING_EVENTS: EventDefinition[] = [ShopWorkRequestedV1, MandateCreatedV1, ChargeAuthorizedV1, ChargeDeclinedV1, BillChargeAuthorizedV1, BillChargeDeclinedV1];
