import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KonbiniPaymentEntity, WebhookOutbox } from '@kessai/processor-data-access';
import { Clock } from '@kessai/shared-clock';
import { toKonbiniSlipResponse } from '../konbini-slip.response';

export const KONBINI_EXPIRY_INTERVAL_MS = Symbol('KONBINI_EXPIRY_INTERVAL_MS');

/** Slips not paid by their deadline expire, and the platform hears it (konbini.expired). */
@Injectable()
export class ExpireKonbiniSlipsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpireKonbiniSlipsJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
    @Inject(KONBINI_EXPIRY_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
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
      this.running = this.expireDue()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`konbini expiry failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
  }

  async expireDue(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (transaction) => {
      const due = await transaction
        .getRepository(KonbiniPaymentEntity)
        .createQueryBuilder('k')
        .where(`k.status = 'awaiting_payment' AND k.deadline < :now`, { now })
        .limit(500)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const payment of due) {
        await transaction.update(KonbiniPaymentEntity, { id: payment.id }, { status: 'expired' });
        await this.webhooks.add(transaction, 'konbini.expired', payment.merchantId, { ...toKonbiniSlipResponse({ ...payment, status: 'expired' }) }, now);
      }
      return due.length;
    });
  }
}
