import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ShopWorkRequestedV2, ShopWorkRequestedV2Payload } from '@kessai/recurring-contracts';
import { JobRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { OutboxWriter } from '@kessai/shared-messaging';

/**
 * Runs a failed shop of an execution again, alone: its partition goes back to the queue (resuming after its last
 * committed chunk), the execution is running again, and one work message is published, in one transaction.
 */
@Injectable()
export class RerunShopHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(jobName: string, executionId: string, shopId: string): Promise<{ executionId: string; shopId: string; status: 'queued' }> {
    const execution = await this.jobs.findExecution(executionId);
    if (!execution || execution.jobName !== jobName) {
      throw new RecurringException('RECURRING_JOB_EXECUTION_NOT_FOUND', `Job ${jobName} has no execution ${executionId}`);
    }
    await this.dataSource.transaction(async (transaction) => {
      if (!(await this.jobs.requeueFailedPartition(transaction, executionId, shopId))) {
        const partition = await this.jobs.findPartition(executionId, shopId);
        if (!partition) throw new RecurringException('RECURRING_PARTITION_NOT_FOUND', `Execution ${executionId} has no shop ${shopId}`, 'shopId');
        throw new RecurringException(
          'RECURRING_PARTITION_NOT_FAILED_CONFLICT',
          `Shop ${shopId} of execution ${executionId} is ${partition.status}; only a failed shop is rerun (launch a new execution with includeShops for anything else)`,
          'shopId',
        );
      }
      await this.outbox.add(transaction, ShopWorkRequestedV2, {
        merchantId: shopId,
        payload: Object.assign(new ShopWorkRequestedV2Payload(), { executionId, jobName, shopId, cycle: execution.cycle, dryRun: execution.dryRun }),
      });
    });
    return { executionId, shopId, status: 'queued' };
  }
}
