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

/** Rows per INSERT of `addMany` (7 parameters a row, well under PostgreSQL's 65,535). */
const ROWS_PER_INSERT = 1000;

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

  /** Many events of one type in a few multi-row inserts (bulk paths: one row per record, not one round trip). */
  async addMany<TPayload extends object>(
    transaction: EntityManager,
    definition: EventDefinition<TPayload>,
    events: { merchantId: string; payload: TPayload }[],
  ): Promise<void> {
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      const rows = events.slice(start, start + ROWS_PER_INSERT).map((event) => this.outboxRow(definition, event).row);
      await transaction.insert(OutboxMessageEntity, rows);
    }
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
}
