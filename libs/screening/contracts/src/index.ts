import type { EventDefinition } from '@kessai/shared-contracts';

/** Every event the screening context publishes. */
export const SCREENING_EVENTS: EventDefinition[] = [];
