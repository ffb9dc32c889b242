import { Controller, Get, Query } from '@nestjs/common';
import { WebhookRepository } from '@kessai/billing-data-access';
import { WebhookDeliveryResponse } from '@kessai/billing-contracts';
import { MerchantId } from '@kessai/shared-service-runtime';
import { ListWebhookDeliveriesRequestDto } from './list-webhook-deliveries.request.dto';
import { afterIdOf, cursorOf } from '../../http/page.request.dto';


/** The delivery log: each webhook with every attempt and the merchant's answer. */
@Controller('webhook-deliveries')
export class ListWebhookDeliveriesHttpController {
  constructor(private readonly webhooks: WebhookRepository) {}

  @Get()
  async list(@MerchantId() merchantId: string, @Query() query: ListWebhookDeliveriesRequestDto): Promise<{ items: WebhookDeliveryResponse[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const afterId = afterIdOf(query.cursor);
    const page = await this.webhooks.list(merchantId, { billId: query.billId, status: query.status, afterId, limit: limit + 1 });
    const items = page.slice(0, limit);
    return {
      items: items.map(({ delivery, attempts }) => ({
        id: delivery.id,
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        billId: delivery.billId,
        status: delivery.status,
        attempts: attempts.map((a) => ({ attemptedAt: a.attemptedAt.toISOString(), url: a.url, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
        nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
        giveUpAt: delivery.giveUpAt.toISOString(),
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
        replayOf: delivery.replayOf,
        createdAt: delivery.createdAt.toISOString(),
        body: JSON.parse(delivery.body),
      })),
      nextCursor: page.length > limit ? cursorOf(items[items.length - 1].delivery.id) : null,
    };
  }
}
