import type { EventDefinition } from '@kessai/shared-contracts';

/** Every event the payment context publishes (payments arrive with the payment-screen issue). */
export const PAYMENT_EVENTS: EventDefinition[] = [];
