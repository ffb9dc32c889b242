import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kessai/shared-contracts';

/**
 * Applies one consumed event. Runs inside the transaction that also records the event as processed, so its
 * database effects happen exactly once; use `transaction` for every write (and for the outbox).
 */
export interface EventHandler<TPayload extends object> {
  handle(event: EventEnvelope<TPayload>, transaction: EntityManager): Promise<void>;
}

/** Throw this for an event that can never succeed (retrying is pointless): it goes straight to dead letters. */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEventError';
  }
}
