import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROCESSOR_SIGNATURE_HEADER, signProcessorPayload } from '@kessai/processor-contracts';
import { PendingWebhookEntity } from '@kessai/processor-data-access';
import { webhookBackoffMs } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';

const BATCH = 50;
const REQUEST_TIMEOUT_MS = 5000;

/**
 * The sender loop: posts each due pending webhook, signed, to the platform; a 2xx marks it delivered,
 * anything else schedules a retry with doubling backoff. The queue is a table, so a restart loses nothing.
 */
@Injectable()
export class WebhookDeliveryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.webhookUrl) {
      this.logger.warn('PROCESSOR_WEBHOOK_URL is empty: webhooks wait in pending_webhook');
      return;
    }
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`webhook delivery failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.options.pollIntervalMs);
  }

  /** Delivers what is due; several instances share the table safely (SKIP LOCKED). */
  async deliverDue(): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const due = await transaction
        .getRepository(PendingWebhookEntity)
        .createQueryBuilder('w')
        .where('w.delivered_at IS NULL AND w.next_attempt_at <= :now', { now: this.clock.now() })
        .orderBy('w.next_attempt_at')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      await Promise.all(
        due.map(async (webhook) => {
          const error = await this.send(webhook);
          const now = this.clock.now();
          const attempts = webhook.attempts + 1;
          await transaction.update(
            PendingWebhookEntity,
            { id: webhook.id },
            error === null
              ? { attempts, deliveredAt: now, lastError: null }
              : {
                  attempts,
                  lastError: error,
                  nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(attempts, this.options.retryInitialMs, this.options.retryMaxMs)),
                },
          );
        }),
      );
      return due.length;
    });
  }

  /** Null when the platform acknowledged (2xx), else what went wrong. */
  private async send(webhook: PendingWebhookEntity): Promise<string | null> {
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    try {
      const response = await fetch(this.options.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-processor-webhook-id': webhook.id,
          [PROCESSOR_SIGNATURE_HEADER]: signProcessorPayload(this.options.signingSecret, webhook.body, timestamp),
        },
        body: webhook.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
