import { Controller, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { MerchantId } from '@kessai/shared-service-runtime';
import { BILLING_OPTIONS, BillingOptions } from '../../billing.options';

/** Sends a webhook again, delivered or not: a new delivery with the same body (and event id), signed afresh. */
@Controller('webhook-deliveries')
export class ReplayWebhookDeliveryHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {}

  @Post(':deliveryId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  async replay(@MerchantId() merchantId: string, @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string): Promise<{ id: string; replayOf: string }> {
    const original = await this.webhooks.findOfMerchant(merchantId, deliveryId);
    if (!original) throw new BillingException('BILLING_WEBHOOK_DELIVERY_NOT_FOUND', `No webhook delivery ${deliveryId} for this merchant`, 'deliveryId');
    const replay = await this.dataSource.transaction((transaction) =>
      this.webhooks.enqueue(transaction, {
        merchantId,
        eventId: original.eventId,
        eventType: original.eventType,
        billId: original.billId,
        body: original.body,
        replayOf: original.id,
        now: this.clock.now(),
        giveUpAfterMs: this.options.webhooks.giveUpAfterMs,
      }),
    );
    return { id: replay.id, replayOf: original.id };
  }
}
