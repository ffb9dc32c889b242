import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KonbiniPaymentRepository, WebhookOutbox } from '@kessai/processor-data-access';
import { Clock } from '@kessai/shared-clock';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';

/** How many overdue slips one run expires; the next run takes the rest. */
const EXPIRY_BATCH = 500;

@Injectable()
export class ExpireKonbiniSlipsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: KonbiniPaymentRepository,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  /** Slips not paid by their deadline expire, and the platform hears it (konbini.expired). Returns how many. */
  async execute(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (transaction) => {
      const due = await this.payments.lockOverdue(transaction, now, EXPIRY_BATCH);
      for (const payment of due) {
        await this.payments.update(transaction, payment.id, { status: 'expired' });
        await this.webhooks.add(transaction, 'konbini.expired', payment.merchantId, { ...toKonbiniSlipResponse({ ...payment, status: 'expired' }) }, now);
      }
      return due.length;
    });
  }
}
