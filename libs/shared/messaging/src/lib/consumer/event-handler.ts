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

/** What the consumer tells a work handler about the delivery in hand. */
export interface WorkDelivery {
  /** 1 for the first try; the consumer retries a failed message with backoff. */
  attempt: number;
  /** No retry follows when this one fails: the message goes to the dead-letter topic. */
  finalAttempt: boolean;
  /** Aborted when the consumer stops (SIGTERM): stop at a safe point; the message is redelivered. */
  signal: AbortSignal;
}

/**
 * Handles one message of a work topic (see ConsumerRegistration.work): long-running work with its own
 * transactions and its own idempotency. Return 'stopped' when `signal` interrupted the work before its end.
 */
export interface WorkMessageHandler<TPayload extends object> {
  handle(event: EventEnvelope<TPayload>, delivery: WorkDelivery): Promise<'done' | 'stopped' | void>;
}
