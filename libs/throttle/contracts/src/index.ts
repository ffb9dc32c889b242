import type { EventDefinition } from '@kessai/shared-contracts';

/** Every event the throttle context publishes. */
export const THROTTLE_EVENTS: EventDefinition[] = [];
export type { ApiKeyView } from './lib/http/admin-api.responses';
