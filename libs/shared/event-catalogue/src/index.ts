import { BILLING_EVENTS } from '@kessai/billing-contracts';
import { PAYMENT_EVENTS } from '@kessai/payment-contracts';
import { PROCESSOR_EVENTS } from '@kessai/processor-contracts';
import { RECURRING_EVENTS } from '@kessai/recurring-contracts';
import { SCREENING_EVENTS } from '@kessai/screening-contracts';
import { THROTTLE_EVENTS } from '@kessai/throttle-contracts';
import type { EventDefinition } from '@kessai/shared-contracts';

/**
 * Every event Kessai publishes, by owning context. Topics are created from it at start, and the AsyncAPI
 * document and JSON Schemas are generated from it.
 */
export const EVENT_CATALOGUE: Record<string, EventDefinition[]> = {
  billing: BILLING_EVENTS,
  payment: PAYMENT_EVENTS,
  recurring: RECURRING_EVENTS,
  screening: SCREENING_EVENTS,
  throttle: THROTTLE_EVENTS,
  processor: PROCESSOR_EVENTS,
};

export function allEvents(): EventDefinition[] {
  return Object.values(EVENT_CATALOGUE).flat();
}
