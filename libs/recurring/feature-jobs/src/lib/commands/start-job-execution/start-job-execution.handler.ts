import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ShopWorkRequestedV2, ShopWorkRequestedV2Payload } from '@kessai/recurring-contracts';
import { JobRepository, ShopRepository } from '@kessai/recurring-data-access';
import { Cycle } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { OutboxWriter } from '@kessai/shared-messaging';
import { JobRegistry } from '../../jobs/job-registry';
import { StartJobExecutionCommand } from './start-job-execution.command';

/**
 * Records the execution with one partition per shop and puts one work message per shop on the work topic, all
 * in one transaction: the engine instances of the consumer group share the shops between them.
 */
@Injectable()
export class StartJobExecutionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly shops: ShopRepository,
    private readonly jobs: JobRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(command: StartJobExecutionCommand): Promise<{ executionId: string; shops: number }> {
    return this.dataSource.transaction((transaction) => this.executeIn(transaction, newId(), command));
  }

  /** The launch within a caller's transaction (the schedule takes its slot in the same one). */
  async executeIn(transaction: EntityManager, executionId: string, command: StartJobExecutionCommand): Promise<{ executionId: string; shops: number }> {
    const job = this.registry.get(command.jobName);
    const cycle = Cycle.of(command.cycle).toString();
    const shopIds = await this.shops.selectIds(transaction, command.includeShops, command.excludeShops, command.deadlineDay);
    await this.jobs.insertExecution(
      transaction,
      {
        id: executionId,
        jobName: job.name,
        cycle,
        dryRun: command.dryRun,
        includeShops: command.includeShops,
        excludeShops: command.excludeShops,
        startedAt: this.clock.now(),
      },
      shopIds,
    );
    await this.outbox.addMany(
      transaction,
      ShopWorkRequestedV2,
      shopIds.map((shopId) => ({
        merchantId: shopId,
        payload: Object.assign(new ShopWorkRequestedV2Payload(), { executionId, jobName: job.name, shopId, cycle, dryRun: command.dryRun }),
      })),
    );
    return { executionId, shops: shopIds.length };
  }
}
