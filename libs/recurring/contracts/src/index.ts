import type { EventDefinition } from '@kessai/shared-contracts';

/** Every event the recurring context publishes. */
export const RECURRING_EVENTS: EventDefinition[] = [];
