import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { runWithRequestContext } from '@kessai/shared-context';
import { failpoint } from '@kessai/shared-failpoints';
import { EventEnvelope, validateEvent } from '@kessai/shared-contracts';
import { contextFromHeaders, inSpan, SpanKind } from '@kessai/shared-telemetry';
import { InboxMessageEntity } from '../inbox/inbox-message.entity';
import { KafkaConnection } from '../kafka/kafka-connection';
import { ConsumerRegistration, deadLetterTopic, MessagingOptions, prefixedTopic } from '../messaging.options';
import { EventHandler, UnprocessableEventError, WorkMessageHandler } from './event-handler';

type Outcome = 'applied' | 'duplicate';

/** Work messages an instance takes before it pauses the work topic (each is small; the handler limits the work). */
const WORK_WAITING_LIMIT = 10_000;

/**
 * Runs one consumer registration: validates each event, applies it once (the inbox row and the handler's
 * effects commit together), retries failures with backoff, and sends what cannot be applied to the consumer's
 * dead-letter topic. The offset is committed only after the database commit.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private readonly stopping = new AbortController();
  private readonly workInFlight = new Set<Promise<void>>();
  private readonly workOffsets = new Map<number, Map<bigint, 'running' | 'done' | 'stopped'>>();

  constructor(
    private readonly registration: ConsumerRegistration,
    private readonly handler: EventHandler<object> | WorkMessageHandler<object>,
    private readonly options: MessagingOptions,
    private readonly kafka: KafkaConnection,
    private readonly dataSource: DataSource,
  ) {
    this.logger = new Logger(`Consumer ${registration.name}`);
  }

  get topic(): string {
    return prefixedTopic(this.options, this.registration.event.topic);
  }

  get deadLetterTopic(): string {
    return deadLetterTopic(this.options, this.registration.name);
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `${this.options.topicPrefix}${this.registration.name}`,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 10),
      allowAutoTopicCreation: false,
      // A fetch waits at most this long for new events; disconnect waits for the fetch in hand, so a long wait
      // (kafkajs's 5 s default) would eat most of SHUTDOWN_TIMEOUT_MS.
      maxWaitTimeInMs: 1000,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    if (this.registration.work) {
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.consumeWorkBatch(consumer, payload),
      });
      this.consumer = consumer;
      return;
    }
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        await this.consume(message, partition);
        failpoint('consumer.after-commit');
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
    this.consumer = consumer;
  }

  /** Finishes the event in hand (work stops at its next safe point), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.workInFlight]);
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /**
   * Work topics: each message is handed to the work handler as soon as it is fetched and the batch is given back
   * at once, so kafkajs goes on fetching (and heartbeating) while the work runs, however long. A partition's offset
   * is committed past a message only when it and every message before it are finished; a message stopped by
   * shutdown is never committed past, so it is redelivered. The topic is paused while too much work waits.
   */
  private consumeWorkBatch(consumer: Consumer, { batch, resolveOffset }: EachBatchPayload): Promise<void> {
    const tracker = this.workOffsets.get(batch.partition) ?? new Map<bigint, 'running' | 'done' | 'stopped'>();
    this.workOffsets.set(batch.partition, tracker);
    for (const message of batch.messages) {
      const offset = BigInt(message.offset);
      tracker.set(offset, 'running');
      const work = this.consume(message, batch.partition)
        .catch((error: Error) => {
          this.logger.error(`work message at offset ${message.offset} failed outside its handler: ${error.message}`);
          return 'stopped' as const;
        })
        .then((outcome) => {
          tracker.set(offset, outcome);
          this.workInFlight.delete(work);
          if (this.workInFlight.size < WORK_WAITING_LIMIT / 2) consumer.resume([{ topic: this.topic }]);
          return this.commitFinishedWork(consumer, batch.topic, batch.partition, tracker);
        });
      this.workInFlight.add(work);
      resolveOffset(message.offset);
    }
    if (this.workInFlight.size >= WORK_WAITING_LIMIT) consumer.pause([{ topic: this.topic }]);
    return Promise.resolve();
  }

  private async commitFinishedWork(consumer: Consumer, topic: string, partition: number, tracker: Map<bigint, 'running' | 'done' | 'stopped'>): Promise<void> {
    let next: bigint | undefined;
    for (const offset of [...tracker.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const state = tracker.get(offset);
      if (state !== 'done') break;
      tracker.delete(offset);
      next = offset + 1n;
    }
    if (next === undefined || this.stopping.signal.aborted) return;
    failpoint('consumer.after-commit');
    // after a rebalance took the partition away the commit is refused; its new owner gets the messages again
    await consumer.commitOffsets([{ topic, partition, offset: next.toString() }]).catch((error: Error) => {
      this.logger.warn(`offset ${next} of partition ${partition} not committed: ${error.message}`);
    });
  }

  private async consume(message: KafkaMessage, partition: number): Promise<'done' | 'stopped'> {
    const headers = textHeaders(message.headers);
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      await this.deadLetter(message, partition, headers, 'the message is not valid JSON', 0);
      return 'done';
    }
    const validation = validateEvent(raw, this.registration.event);
    if (!validation.valid) {
      await this.deadLetter(message, partition, headers, `invalid event: ${validation.reason}`, 0);
      return 'done';
    }

    const { attempts, initialBackoffMs, maxBackoffMs } = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        if (!this.registration.work) {
          await this.applyOnce(validation.event, headers);
          return 'done';
        }
        const outcome = await this.runWork(validation.event, headers, attempt, attempt >= attempts);
        return outcome === 'stopped' ? 'stopped' : 'done';
      } catch (error) {
        const reason = (error as Error).message;
        if (error instanceof UnprocessableEventError || attempt >= attempts) {
          await this.deadLetter(message, partition, headers, `handler failed: ${reason}`, attempt);
          return 'done';
        }
        const backoff = Math.min(initialBackoffMs * 2 ** (attempt - 1), maxBackoffMs);
        this.logger.warn(`event ${validation.event.eventId} failed (attempt ${attempt}/${attempts}), retrying in ${backoff} ms: ${reason}`);
        await sleep(backoff);
      }
    }
  }

  private runWork(event: EventEnvelope<object>, headers: Record<string, string>, attempt: number, finalAttempt: boolean) {
    return this.inConsumerSpan(event, headers, () =>
      (this.handler as WorkMessageHandler<object>).handle(event, { attempt, finalAttempt, signal: this.stopping.signal }),
    );
  }

  private applyOnce(event: EventEnvelope<object>, headers: Record<string, string>): Promise<Outcome> {
    return this.inConsumerSpan(event, headers, () =>
      this.dataSource.transaction(async (transaction) => {
        const inbox = transaction.connection.getMetadata(InboxMessageEntity);
        const inserted: unknown[] = await transaction.query(
          `INSERT INTO "${inbox.schema}"."${inbox.tableName}" (consumer, event_id, processed_at)
           VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.registration.name, event.eventId],
        );
        if (inserted.length === 0) {
          this.logger.debug(`event ${event.eventId} was applied before; skipped`);
          return 'duplicate';
        }
        await (this.handler as EventHandler<object>).handle(event, transaction);
        return 'applied';
      }),
    );
  }

  /** The consumer span (child of the producer's) and the request context of the event, around its handling. */
  private inConsumerSpan<T>(event: EventEnvelope<object>, headers: Record<string, string>, work: () => Promise<T>): Promise<T> {
    return inSpan(
      this.options.serviceName,
      `${this.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromHeaders(headers),
        attributes: { 'messaging.consumer.group.name': this.registration.name, 'messaging.message.id': event.eventId },
      },
      () =>
        runWithRequestContext(
          { requestId: event.eventId, correlationId: event.correlationId, causationId: event.eventId, merchantId: event.merchantId },
          work,
        ),
    );
  }

  private async deadLetter(
    message: KafkaMessage,
    partition: number,
    headers: Record<string, string>,
    reason: string,
    attempts: number,
  ): Promise<void> {
    this.logger.error(`dead-lettering offset ${message.offset} to ${this.deadLetterTopic}: ${reason}`);
    await this.kafka.send([
      {
        topic: this.deadLetterTopic,
        key: message.key?.toString('utf8') ?? '',
        value: message.value ?? Buffer.alloc(0),
        headers: {
          ...headers,
          'dlq-reason': reason,
          'dlq-consumer': this.registration.name,
          'dlq-original-topic': this.topic,
          'dlq-original-partition': String(partition),
          'dlq-original-offset': message.offset,
          'dlq-attempts': String(attempts),
          'dlq-failed-at': new Date().toISOString(),
        },
      },
    ]);
  }
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
