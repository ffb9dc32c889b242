import type { EventDefinition } from '@kessai/shared-contracts';
import { MandateCreatedV1 } from './lib/events/mandate-created.v1';
import { ShopWorkRequestedV1 } from './lib/events/shop-work-requested.v1';

export { ShopWorkRequestedV1, ShopWorkRequestedV1Payload, RECURRING_JOB_NAMES } from './lib/events/shop-work-requested.v1';
export { MandateCreatedV1, MandateCreatedV1Payload } from './lib/events/mandate-created.v1';

/** Every event the recurring context publishes. */
export const RECURRING_EVENTS: EventDefinition[] = [ShopWorkRequestedV1, MandateCreatedV1];
