import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, IHeaders, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { runWithRequestContext } from '@kessai/shared-context';
import { failpoint } from '@kessai/shared-failpoints';
import { EventEnvelope, validateEvent } from '@kessai/shared-contracts';
import { contextFromHeaders, inSpan, SpanKind } from '@kessai/shared-telemetry';
import { InboxMessageEntity } from '../inbox/inbox-message.entity';
import { KafkaConnection } from '../kafka/kafka-connection';
import { ConsumerRegistration, deadLetterTopic, MessagingOptions, prefixedTopic } from '../messaging.options';
import { EventHandler, UnprocessableEventError } from './event-handler';

type Outcome = 'applied' | 'duplicate';

/**
 * Runs one consumer registration: validates each event, applies it once (the inbox row and the handler's
 * effects commit together), retries failures with backoff, and sends what cannot be applied to the consumer's
 * dead-letter topic. The offset is committed only after the database commit.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;

  constructor(
    private readonly registration: ConsumerRegistration,
    private readonly handler: EventHandler<object>,
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

  /** Finishes the event in hand, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async consume(message: KafkaMessage, partition: number): Promise<void> {
    const headers = textHeaders(message.headers);
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return this.deadLetter(message, partition, headers, 'the message is not valid JSON', 0);
    }
    const validation = validateEvent(raw, this.registration.event);
    if (!validation.valid) return this.deadLetter(message, partition, headers, `invalid event: ${validation.reason}`, 0);

    const { attempts, initialBackoffMs, maxBackoffMs } = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(validation.event, headers);
        return;
      } catch (error) {
        const reason = (error as Error).message;
        if (error instanceof UnprocessableEventError || attempt >= attempts) {
          return this.deadLetter(message, partition, headers, `handler failed: ${reason}`, attempt);
        }
        const backoff = Math.min(initialBackoffMs * 2 ** (attempt - 1), maxBackoffMs);
        this.logger.warn(`event ${validation.event.eventId} failed (attempt ${attempt}/${attempts}), retrying in ${backoff} ms: ${reason}`);
        await sleep(backoff);
      }
    }
  }

  private applyOnce(event: EventEnvelope<object>, headers: Record<string, string>): Promise<Outcome> {
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
          () =>
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
              await this.handler.handle(event, transaction);
              return 'applied';
            }),
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
