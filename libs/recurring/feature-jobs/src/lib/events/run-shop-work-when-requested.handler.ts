import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ShopWorkRequestedV1Payload, ShopWorkRequestedV2Payload } from '@kessai/recurring-contracts';
import { JobRepository } from '@kessai/recurring-data-access';
import { crossesProgressMark, jobProgress } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { failpoint } from '@kessai/shared-failpoints';
import { EventHandler } from '@kessai/shared-messaging';
import { JobRegistry } from '../jobs/job-registry';
import { JOBS_OPTIONS, JobsOptions } from '../jobs.options';

/**
 * Runs one shop's part of a job in chunks. Each chunk commits in its own transaction together with the
 * partition's checkpoint, so after a `kill -9` the redelivered work message resumes after the last committed
 * chunk. The event is marked processed (and its offset committed) only once the whole shop is done.
 */
@Injectable()
export class RunShopWorkWhenRequestedHandler implements EventHandler<ShopWorkRequestedV1Payload | ShopWorkRequestedV2Payload> {
  private readonly logger = new Logger(RunShopWorkWhenRequestedHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  // The chunks use transactions of their own, not the consumer's: their progress must survive a crash.
  async handle(event: EventEnvelope<ShopWorkRequestedV1Payload | ShopWorkRequestedV2Payload>, _transaction: EntityManager): Promise<void> {
    const work = event.payload;
    const partition = await this.jobs.findPartition(work.executionId, work.shopId);
    if (!partition || partition.status === 'succeeded' || partition.status === 'failed') return;
    const job = this.registry.get(work.jobName);

    const total = await job.countRecords(work.shopId, work.cycle);
    const startedAt = this.clock.now();
    await this.jobs.startPartition(work.executionId, work.shopId, total, startedAt);
    let after = partition.checkpoint ?? '';
    let done = partition.recordsDone;
    if (partition.checkpoint !== null) this.logger.log(`${work.jobName} ${work.shopId} ${work.cycle}: resuming after ${after} (${done} done)`);
    const doneBefore = done;

    for (;;) {
      const chunk = await this.dataSource.transaction(async (transaction) => {
        const result = await job.runChunk(transaction, { shopId: work.shopId, cycle: work.cycle, after, limit: this.options.chunkSize, dryRun: work.dryRun });
        if (result.processed > 0 && result.checkpoint !== null) {
          await this.jobs.commitChunk(transaction, work.executionId, work.shopId, result.checkpoint, result.processed);
        }
        return result;
      });
      if (chunk.processed === 0 || chunk.checkpoint === null) break;
      failpoint('recurring.job.after-chunk-commit');
      if (crossesProgressMark(done, done + chunk.processed, this.options.progressLogEvery)) {
        const progress = jobProgress(done + chunk.processed - doneBefore, total - doneBefore, startedAt, this.clock.now());
        this.logger.log(
          `${work.jobName} ${work.shopId} ${work.cycle}: ${done + chunk.processed}/${total} records, ${progress.ratePerSecond}/s, ETA ${progress.etaSeconds ?? '?'} s`,
        );
      }
      done += chunk.processed;
      after = chunk.checkpoint;
      if (chunk.processed < this.options.chunkSize) break;
    }
    await this.jobs.finishPartition(work.executionId, work.shopId, 'succeeded', null, this.clock.now());
    this.logger.log(`${work.jobName} ${work.shopId} ${work.cycle}: done, ${done}/${total} records${work.dryRun ? ' (dry run, nothing written)' : ''}`);
  }
}
