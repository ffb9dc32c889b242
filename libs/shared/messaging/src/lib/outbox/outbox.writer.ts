import { Inject, Injectable } from '@nestjs/common';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EntityManager } from 'typeorm';
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
    await transaction.insert(OutboxMessageEntity, {
      eventId,
      topic: prefixedTopic(this.options, definition.topic),
      messageKey: event.merchantId,
      bucket: outboxBucketOf(event.merchantId),
      envelope: JSON.parse(JSON.stringify(envelope)),
      createdAt: this.clock.now(),
      publishedAt: null,
    });
    return envelope;
  }
}
