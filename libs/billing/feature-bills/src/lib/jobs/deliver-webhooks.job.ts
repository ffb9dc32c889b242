import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { request } from 'undici';
import { WebhookDeliveryEntity, WebhookRepository } from '@kessai/billing-data-access';
import { Clock } from '@kessai/shared-clock';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../webhooks/webhook-signature';
import { JobLoop } from './job-loop';

/** The delay before retry number `attempts`: doubling from `initialMs`, at most `maxMs`. */
export function webhookRetryDelayMs(attempts: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Posts each due webhook, signed, to the merchant's endpoint; a 2xx delivers it, anything else retries with
 * doubling backoff until its give-up time (3 days by default), then it is failed. Every attempt is logged.
 * The queue is a table worked with SKIP LOCKED: instances share it and a restart loses nothing.
 */
@Injectable()
export class DeliverWebhooksJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: JobLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {
    this.loop = new JobLoop('deliver-webhooks', options.webhooks.deliveryIntervalMs, () => this.deliverDue());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async deliverDue(): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const due = await this.webhooks.lockDue(transaction, this.clock.now(), 50);
      await Promise.all(due.map((delivery) => this.deliverOne(transaction, delivery)));
      return due.length;
    });
  }

  private async deliverOne(transaction: EntityManager, delivery: WebhookDeliveryEntity): Promise<void> {
    const endpoint = await this.webhooks.endpointOf(transaction, delivery.merchantId);
    const attemptedAt = this.clock.now();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    if (!endpoint) {
      error = 'the merchant has no webhook endpoint';
    } else {
      try {
        const response = await request(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Kessai-Webhooks/1',
            'kessai-delivery-id': delivery.id,
            [WEBHOOK_SIGNATURE_HEADER]: signWebhook(endpoint.secret, delivery.body, Math.floor(attemptedAt.getTime() / 1000)),
          },
          body: delivery.body,
          headersTimeout: this.options.webhooks.timeoutMs,
          bodyTimeout: this.options.webhooks.timeoutMs,
        });
        await response.body.dump();
        statusCode = response.statusCode;
        if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
      } catch (failure) {
        error = (failure as Error).message;
      }
    }
    const attempts = delivery.attempts + 1;
    const durationMs = Math.round(performance.now() - started);
    const log = { deliveryId: delivery.id, attemptedAt, url: endpoint?.url ?? '', statusCode, error, durationMs };
    if (error === null) {
      await this.webhooks.recordAttempt(transaction, log, { status: 'delivered', attempts, deliveredAt: this.clock.now() });
      return;
    }
    const { retryInitialMs, retryMaxMs } = this.options.webhooks;
    const retryAt = new Date(attemptedAt.getTime() + webhookRetryDelayMs(attempts, retryInitialMs, retryMaxMs));
    await this.webhooks.recordAttempt(
      transaction,
      log,
      retryAt.getTime() > delivery.giveUpAt.getTime() ? { status: 'failed', attempts } : { attempts, nextAttemptAt: retryAt },
    );
  }
}
