import { Inject, Injectable } from '@nestjs/common';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '@kessai/shared-clock';
import { currentRequestContext } from '@kessai/shared-context';
import { EventDefinition, EventEnvelope } from '@kessai/shared-contracts';
import { newId } from '@kessai/shared-ids';
import { currentTraceparent } from '@kessai/shared-telemetry';
import { MESSAGING_OPTIONS, MessagingOptions, prefixedTopic } from '../messaging.options';
import { outboxBucketOf } from './outbox-bucket';
import { OutboxMessageEntity } from './outbox-message.entity';

/**
 * Records an event in the outbox within the caller's transaction: the event exists if and only if the state
 * change it describes was committed. The relay publishes it afterwards.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly clock: Clock,
  ) {}

  async add<TPayload extends object>(
    transaction: EntityManager,
    definition: EventDefinition<TPayload>,
    event: { merchantId: string; payload: TPayload },
  ): Promise<EventEnvelope<TPayload>> {
    const { envelope, row } = this.outboxRow(definition, event);
    await transaction.insert(OutboxMessageEntity, row);
    return envelope;
  }

  private outboxRow<TPayload extends object>(
    definition: EventDefinition<TPayload>,
    event: { merchantId: string; payload: TPayload },
  ): { envelope: EventEnvelope<TPayload>; row: QueryDeepPartialEntity<OutboxMessageEntity> } {
    // Read the payload through its contract class, as consumers will, so nested contract classes are checked too.
    const payload = instanceToPlain(event.payload) as TPayload;
    const problems = validateSync(plainToInstance(definition.payload, payload), { forbidUnknownValues: true });
    if (problems.length > 0) {
      throw new Error(`Refusing to publish an invalid ${definition.type} v${definition.version}: ${problems.join(', ')}`);
    }
    const eventId = newId();
    const context = currentRequestContext();
    const envelope: EventEnvelope<TPayload> = {
      eventId,
      type: definition.type,
      version: definition.version,
      occurredAt: this.clock.now().toISOString(),
      merchantId: event.merchantId,
      correlationId: context?.correlationId ?? eventId,
      causationId: context?.causationId,
      traceparent: currentTraceparent(),
      payload,
    };
    return {
      envelope,
      row: {
        eventId,
        topic: prefixedTopic(this.options, definition.topic),
        messageKey: event.merchantId,
        bucket: outboxBucketOf(event.merchantId),
        envelope: JSON.parse(JSON.stringify(envelope)),
        createdAt: this.clock.now(),
        publishedAt: null,
      },
    };
  }

  /** Records many events of one type in one INSERT (see `prepareMany`). */
  async addMany<TPayload extends object>(
    transaction: EntityManager,
    definition: EventDefinition<TPayload>,
    events: { merchantId: string; payload: TPayload }[],
    options: { validateEvery?: number } = {},
  ): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = this.prepareMany(definition, events, options);
    const table = transaction.connection.getMetadata(OutboxMessageEntity).tablePath;
    await transaction.query(
      `INSERT INTO ${table} (event_id, topic, message_key, bucket, envelope, created_at)
       SELECT e.id, e.topic, e.key, e.bucket, e.envelope::jsonb, $5
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $6::text[]) AS e(id, topic, key, bucket, envelope)`,
      [rows.map((r) => r.eventId), rows.map((r) => r.topic), rows.map((r) => r.messageKey), rows.map((r) => r.bucket), this.clock.now(), rows.map((r) => r.envelope)],
    );
    return rows.map((r) => r.eventId);
  }

  /**
   * The outbox rows of many events of one type, for a caller that writes them itself in its transaction (a
   * CSV import copies them with COPY together with its bills). Payloads are plain objects already shaped by a
   * mapper; every `validateEvery`-th one (and the first) is checked against the contract, since checking each
   * one costs more than the insert.
   */
  prepareMany<TPayload extends object>(
    definition: EventDefinition<TPayload>,
    events: { merchantId: string; payload: TPayload }[],
    { validateEvery = 1 }: { validateEvery?: number } = {},
  ): PreparedOutboxRow[] {
    events.forEach((event, i) => {
      if (i % validateEvery !== 0) return;
      const problems = validateSync(plainToInstance(definition.payload, instanceToPlain(event.payload)), { forbidUnknownValues: true });
      if (problems.length > 0) {
        throw new Error(`Refusing to publish an invalid ${definition.type} v${definition.version}: ${problems.join(', ')}`);
      }
    });
    const context = currentRequestContext();
    const occurredAt = this.clock.now().toISOString();
    const traceparent = currentTraceparent();
    const topic = prefixedTopic(this.options, definition.topic);
    return events.map((event) => {
      const eventId = newId();
      return {
        eventId,
        topic,
        messageKey: event.merchantId,
        bucket: outboxBucketOf(event.merchantId),
        envelope: JSON.stringify({
          eventId,
          type: definition.type,
          version: definition.version,
          occurredAt,
          merchantId: event.merchantId,
          correlationId: context?.correlationId ?? eventId,
          causationId: context?.causationId,
          traceparent,
          payload: event.payload,
        }),
      };
    });
  }
}

/** An outbox row ready to be written: the envelope is JSON text. */
export interface PreparedOutboxRow {
  eventId: string;
  topic: string;
  messageKey: string;
  bucket: number;
  envelope: string;
}
