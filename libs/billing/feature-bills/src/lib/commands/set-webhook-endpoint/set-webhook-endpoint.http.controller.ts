import { randomBytes } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { WebhookRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { MerchantId } from '@kessai/shared-service-runtime';
import { SetWebhookEndpointRequestDto } from './set-webhook-endpoint.request.dto';

/** The merchant's webhook endpoint. The signing secret is shown when it is made or rotated, never again. */
@Controller('webhook-endpoint')
export class SetWebhookEndpointHttpController {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
  ) {}

  /** Sets the URL; the first time (or after a delete) a secret is made and returned. */
  @Put()
  async set(@MerchantId() merchantId: string, @Body() body: SetWebhookEndpointRequestDto): Promise<{ url: string; secret?: string }> {
    const existing = await this.webhooks.endpointOf(null, merchantId);
    const secret = existing?.secret ?? newWebhookSecret();
    await this.webhooks.saveEndpoint({ merchantId, url: body.url, secret, updatedAt: this.clock.now() });
    return existing ? { url: body.url } : { url: body.url, secret };
  }

  @Post('rotate-secret')
  @HttpCode(HttpStatus.OK)
  async rotate(@MerchantId() merchantId: string): Promise<{ url: string; secret: string }> {
    const existing = await this.webhooks.endpointOf(null, merchantId);
    if (!existing) throw new BillingException('BILLING_WEBHOOK_ENDPOINT_NOT_FOUND', 'Set a webhook endpoint first (PUT /webhook-endpoint)', 'url');
    const secret = newWebhookSecret();
    await this.webhooks.saveEndpoint({ ...existing, secret, updatedAt: this.clock.now() });
    return { url: existing.url, secret };
  }

  @Get()
  async get(@MerchantId() merchantId: string): Promise<{ url: string; updatedAt: string }> {
    const existing = await this.webhooks.endpointOf(null, merchantId);
    if (!existing) throw new BillingException('BILLING_WEBHOOK_ENDPOINT_NOT_FOUND', 'No webhook endpoint is set', 'url');
    return { url: existing.url, updatedAt: existing.updatedAt.toISOString() };
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@MerchantId() merchantId: string): Promise<void> {
    if (!(await this.webhooks.deleteEndpoint(merchantId))) {
      throw new BillingException('BILLING_WEBHOOK_ENDPOINT_NOT_FOUND', 'No webhook endpoint is set', 'url');
    }
  }
}

function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
