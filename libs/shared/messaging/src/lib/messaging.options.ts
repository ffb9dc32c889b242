import type { Type } from '@nestjs/common';
import type { EventDefinition } from '@kessai/shared-contracts';
import type { EventHandler, WorkMessageHandler } from './consumer/event-handler';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Subscribes one handler to one event; the name is the consumer group and names the dead-letter topic. */
export interface ConsumerRegistration<TPayload extends object = object> {
  /** `<service>.<what-it-does>`, e.g. `payment-screen.open-payment-page-when-bill-created`. */
  name: string;
  event: EventDefinition<TPayload>;
  handler: Type<EventHandler<TPayload>> | Type<WorkMessageHandler<TPayload>>;
  /**
   * A work topic instead of an event stream: the handler is a WorkMessageHandler, runs outside any transaction
   * and without inbox row (it must be idempotent by itself), every message of a fetched batch is handed to it
   * at once (it limits its own concurrency), the group is heartbeated while work runs longer than the session
   * timeout, and each partition's offset moves past the messages finished in order.
   */
  work?: true;
}

export interface MessagingOptions {
  serviceName: string;
  brokers: string[];
  /** TLS to the brokers. */
  ssl?: boolean;
  /** Prefixes topics and consumer groups (test suites sharing one broker). */
  topicPrefix: string;
  partitions: number;
  /** Events the service publishes: their topics are created at start. */
  publishes: EventDefinition[];
  consumers: ConsumerRegistration[];
  /** A crashed consumer's partitions move to the others after this long without a heartbeat. */
  sessionTimeoutMs: number;
  relay: { enabled: boolean; pollIntervalMs: number; batchSize: number; retentionHours: number };
  retry: { attempts: number; initialBackoffMs: number; maxBackoffMs: number };
}

export function prefixedTopic(options: Pick<MessagingOptions, 'topicPrefix'>, topic: string): string {
  return `${options.topicPrefix}${topic}`;
}

export function deadLetterTopic(options: Pick<MessagingOptions, 'topicPrefix'>, consumerName: string): string {
  return `${options.topicPrefix}${consumerName}.dlq`;
}

/** A consumer registration with its handler's payload type checked against the event it subscribes to. */
export function defineConsumer<TPayload extends object>(registration: ConsumerRegistration<TPayload>): ConsumerRegistration {
  return registration as unknown as ConsumerRegistration;
}
