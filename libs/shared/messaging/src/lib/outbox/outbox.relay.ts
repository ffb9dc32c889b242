import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { failpoint } from '@kessai/shared-failpoints';
import { contextFromHeaders, inSpan, SpanKind, traceHeaders } from '@kessai/shared-telemetry';
import { KafkaConnection, OutgoingMessage } from '../kafka/kafka-connection';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { OutboxMessageEntity } from './outbox-message.entity';

const FLUSH_ON_SHUTDOWN_MS = 3000;
const BACKOFF_AFTER_FAILURE_MS = 1000;
const CLEAN_UP_EVERY_MS = 60_000;

/**
 * Publishes outbox rows to Kafka, then marks them published in the same transaction that locked them. A crash
 * between the publish and the commit publishes the rows again later: delivery is at least once, and consumers
 * deduplicate on the event id. Several relays can run: each bucket is taken by one relay at a time (an
 * advisory lock), which keeps each merchant's events in order.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;
  private lastCleanUp = 0;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.relay.enabled) this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    if (this.options.relay.enabled) await this.flush(FLUSH_ON_SHUTDOWN_MS);
  }

  /** Publishes every pending event, or as many as fit in the time given. Returns how many it published. */
  async flush(withinMs: number): Promise<number> {
    const deadline = Date.now() + withinMs;
    let total = 0;
    for (;;) {
      const published = await this.relayOnce();
      total += published;
      if (published === 0 || Date.now() > deadline) return total;
    }
  }

  /** One pass over the buckets that have pending events. */
  async relayOnce(): Promise<number> {
    const pending: { bucket: number }[] = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('message')
      .select('DISTINCT message.bucket', 'bucket')
      .where('message.published_at IS NULL')
      .getRawMany();
    let published = 0;
    for (const { bucket } of shuffle(pending)) published += await this.relayBucket(Number(bucket));
    return published;
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        const published = await this.relayOnce();
        await this.cleanUpWhenDue();
        if (published < this.options.relay.batchSize) await this.pause(this.options.relay.pollIntervalMs);
      } catch (error) {
        this.logger.error(`relay pass failed, retrying: ${(error as Error).message}`);
        await this.pause(BACKOFF_AFTER_FAILURE_MS);
      }
    }
  }

  /** Waits between passes; shutdown cuts the wait short. */
  private pause(milliseconds: number): Promise<void> {
    return sleep(milliseconds, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  private relayBucket(bucket: number): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      if (!(await this.tryLockBucket(transaction, bucket))) return 0;
      const rows = await transaction.getRepository(OutboxMessageEntity).find({
        where: { bucket, publishedAt: IsNull() },
        order: { id: 'ASC' },
        take: this.options.relay.batchSize,
      });
      if (rows.length === 0) return 0;
      failpoint('outbox.before-publish');
      await this.kafka.send(await Promise.all(rows.map((row) => this.toMessage(row))));
      failpoint('outbox.after-publish');
      await transaction
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder()
        .update()
        .set({ publishedAt: () => 'now()' })
        .whereInIds(rows.map((row) => row.id))
        .execute();
      return rows.length;
    });
  }

  private async tryLockBucket(transaction: EntityManager, bucket: number): Promise<boolean> {
    const schema = transaction.connection.getMetadata(OutboxMessageEntity).schema ?? 'public';
    const [{ locked }] = await transaction.query('SELECT pg_try_advisory_xact_lock(hashtext($1), $2) AS locked', [
      `kessai-outbox:${schema}`,
      bucket,
    ]);
    return locked === true;
  }

  /** Each published message gets a producer span that continues the trace of the request that caused it. */
  private toMessage(row: OutboxMessageEntity): Promise<OutgoingMessage> {
    const envelope = row.envelope as { traceparent?: string; type: string; version: number };
    const parent = contextFromHeaders(envelope.traceparent ? { traceparent: envelope.traceparent } : {});
    return inSpan(
      this.options.serviceName,
      `${row.topic} publish`,
      { kind: SpanKind.PRODUCER, parent, attributes: { 'messaging.destination.name': row.topic, 'messaging.message.id': row.eventId } },
      async () => ({
        topic: row.topic,
        key: row.messageKey,
        value: JSON.stringify(row.envelope),
        headers: {
          ...traceHeaders(),
          'content-type': 'application/json',
          'event-id': row.eventId,
          'event-type': envelope.type,
          'event-version': String(envelope.version),
        },
      }),
    );
  }

  private async cleanUpWhenDue(): Promise<void> {
    if (Date.now() - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = Date.now();
    await this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder()
      .delete()
      .where(`published_at < now() - make_interval(hours => :hours)`, { hours: this.options.relay.retentionHours })
      .execute();
  }
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
