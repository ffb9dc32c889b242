import type { EventDefinition } from '@kessai/shared-contracts';

/** Every event the processor context publishes. */
export const PROCESSOR_EVENTS: EventDefinition[] = [];
