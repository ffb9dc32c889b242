import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillRepository } from '@kessai/billing-data-access';
import { addDays, japanDate } from '@kessai/billing-domain';
import { Clock } from '@kessai/shared-clock';
import { BILLING_OPTIONS, BillingOptions } from '../billing.options';
import { BillSmsScheduler } from '../sms/bill-sms.scheduler';
import { JobLoop } from './job-loop';

const BATCH = 500;

/** `reminderDaysBefore` days before the due date (Japan), open bills get one reminder SMS (in the sending window). */
@Injectable()
export class SendRemindersJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: JobLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bills: BillRepository,
    private readonly sms: BillSmsScheduler,
    private readonly clock: Clock,
    @Inject(BILLING_OPTIONS) private readonly options: BillingOptions,
  ) {
    this.loop = new JobLoop('send-reminders', options.reminderDaysBefore > 0 ? options.jobsIntervalMs : 0, () => this.remindDue());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async remindDue(): Promise<number> {
    if (this.options.reminderDaysBefore <= 0) return 0;
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const today = japanDate(now);
      const days = this.options.reminderDaysBefore;
      const window = { today, dueDate: addDays(today, days), createdBefore: new Date(now.getTime() - days * 86_400_000) };
      const count = await this.dataSource.transaction(async (transaction) => {
        const due = await this.bills.lockDueForReminder(transaction, window, BATCH);
        for (const bill of due) {
          const scheduled = await this.sms.schedule(transaction, bill, 'reminder', now);
          await this.bills.update(transaction, scheduled);
          await this.bills.markReminded(transaction, bill.id, now);
        }
        return due.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }
}
