import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WebhookRepository } from '@kessai/billing-data-access';
import { EventDefinition } from '@kessai/shared-contracts';
import { OutboxWriter } from '@kessai/shared-messaging';
import { Clock } from '@kessai/shared-clock';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';

/** What a merchant's endpoint receives (the body that is signed). */
export interface WebhookBody {
  /** The event id: the same event replayed carries the same id, so a merchant can deduplicate. */
  id: string;
  /** e.g. `billing.bill.paid`. */
  type: string;
  version: number;
  occurredAt: string;
  data: object & { billId?: string };
}

/**
 * A bill's state change goes out twice from the same transaction: as an event through the outbox (Kafka) and,
 * when the merchant has a webhook endpoint, as a queued webhook delivery.
 */
@Injectable()
export class BillEventPublisher {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  async publish<TPayload extends object>(
    transaction: EntityManager,
    definition: EventDefinition<TPayload>,
    event: { merchantId: string; payload: TPayload },
  ): Promise<void> {
    const envelope = await this.outbox.add(transaction, definition, event);
    await this.notifyMerchant(transaction, event.merchantId, {
      id: envelope.eventId,
      type: envelope.type,
      version: envelope.version,
      occurredAt: envelope.occurredAt,
      data: envelope.payload,
    });
  }

  private async notifyMerchant(transaction: EntityManager, merchantId: string, body: WebhookBody): Promise<void> {
    if (!(await this.webhooks.endpointOf(transaction, merchantId))) return;
    await this.webhooks.enqueue(transaction, {
      merchantId,
      eventId: body.id,
      eventType: body.type,
      billId: body.data.billId ?? null,
      body: JSON.stringify(body),
      replayOf: null,
      now: this.clock.now(),
      giveUpAfterMs: this.options.webhooks.giveUpAfterMs,
    });
  }
}
