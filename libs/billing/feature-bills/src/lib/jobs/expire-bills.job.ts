import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillExpiredV1 } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { japanDate } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';
import { BillEventsMapper } from '../http/bill-events.mapper';
import { JobLoop } from './job-loop';
import { BillEventPublisher } from '../webhooks/bill-event.publisher';

const BATCH = 500;

/** open → expired: bills still unpaid once their due date has ended in Japan; the payment link stops working. */
@Injectable()
export class ExpireBillsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: JobLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly events: BillEventPublisher,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) options: BillingOptions,
  ) {
    this.loop = new JobLoop('expire-bills', options.jobsIntervalMs, () => this.expireDue());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Expires every bill due before today (Japan), a batch per transaction; several instances share the work. */
  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const count = await this.dataSource.transaction(async (transaction) => {
        const due = await this.bills.lockExpired(transaction, japanDate(now), BATCH);
        for (const bill of due) {
          const expired = bill.expire(now);
          await this.bills.update(transaction, expired);
          await this.events.publish(transaction, BillExpiredV1, { merchantId: bill.merchantId, payload: BillEventsMapper.expired(expired) });
        }
        return due.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }
}
