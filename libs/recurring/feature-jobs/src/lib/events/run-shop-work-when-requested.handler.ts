import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { Limit } from 'p-limit';
import { DataSource, EntityManager } from 'typeorm';
import { ShopWorkRequestedV1Payload, ShopWorkRequestedV2Payload } from '@kessai/recurring-contracts';
import { JobPartitionRecord, JobRepository } from '@kessai/recurring-data-access';
import { crossesProgressMark, jobProgress, RecurringException } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { failpoint } from '@kessai/shared-failpoints';
import { WorkDelivery, WorkMessageHandler } from '@kessai/shared-messaging';
import { JobRegistry } from '../jobs/job-registry';
import { KeysetReader } from '../jobs/keyset-reader';
import { AnyShopJob, isPipelined, PipelinedShopJob, ShopJob } from '../jobs/shop-job';
import { JOBS_OPTIONS, JobsOptions, jobSettingsOf } from '../jobs.options';
import { JobSettings } from '../settings/job-settings';

/** A work message of either version (v1 is still read for messages queued before the upgrade). */
type ShopWork = ShopWorkRequestedV1Payload | ShopWorkRequestedV2Payload;

type ChunkDone = (processed: number, checkpoint: string) => void;
type CommitChunk = (checkpoint: string, processed: number, write: (transaction: EntityManager) => Promise<void>) => Promise<void>;

/** A run that must end now: shutdown asked it to, or its lease went to another run. */
class RunInterrupted extends Error {}

/**
 * Runs one shop's part of a job in chunks, each committed in its own transaction together with the partition's
 * checkpoint, so after a `kill -9` the redelivered work message resumes after the last committed chunk.
 *
 * The partition is leased to one run (a token renewed every third of `partitionLeaseMs`, fenced on each commit):
 * a shop redelivered to another instance while it runs (a rebalance) waits for the lease instead of running
 * twice, and takes over only when the lease runs out (the first instance died). Each job runs at most its
 * configured concurrency of shops at once per instance. A run that fails on the consumer's last attempt marks
 * the partition failed with its error; `POST .../shops/{shopId}/rerun` queues it again.
 */
@Injectable()
export class RunShopWorkWhenRequestedHandler implements WorkMessageHandler<ShopWork> {
  private readonly logger = new Logger(RunShopWorkWhenRequestedHandler.name);
  private readonly slots = new Map<string, Limit>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  async handle(event: EventEnvelope<ShopWork>, delivery: WorkDelivery): Promise<'done' | 'stopped'> {
    const work = event.payload;
    const job = this.registry.get(work.jobName);
    const settings = jobSettingsOf(this.options, job.name);
    return this.slotsOf(job.name, settings.concurrency)(() => this.runPartition(work, job, settings, delivery));
  }

  private slotsOf(jobName: string, concurrency: number): Limit {
    let limit = this.slots.get(jobName);
    if (!limit) this.slots.set(jobName, (limit = pLimit(concurrency)));
    return limit;
  }

  private async runPartition(work: ShopWork, job: AnyShopJob, settings: JobSettings, delivery: WorkDelivery): Promise<'done' | 'stopped'> {
    const token = randomUUID();
    const partition = await this.claim(work, token, delivery.signal);
    if (partition === 'finished') return 'done';
    if (partition === 'stopped') return 'stopped';

    let leaseLost = false;
    const renewal = setInterval(() => {
      this.jobs
        .renewLease(work.executionId, work.shopId, token, this.options.partitionLeaseMs)
        .then((renewed) => {
          if (!renewed) leaseLost = true;
        })
        .catch((error: Error) => this.logger.warn(`${work.jobName} ${work.shopId}: lease renewal failed: ${error.message}`));
    }, Math.floor(this.options.partitionLeaseMs / 3));
    const mustStop = () => {
      if (leaseLost) throw new RunInterrupted('lease lost');
      if (delivery.signal.aborted) throw new RunInterrupted('stopping');
    };
    try {
      await this.runChunks(work, job, settings, partition, token, mustStop);
      await this.jobs.finishPartition(work.executionId, work.shopId, token, 'succeeded', null, this.clock.now());
      return 'done';
    } catch (error) {
      return await this.afterFailure(work, token, error as Error, delivery);
    } finally {
      clearInterval(renewal);
    }
  }

  /** Leases the partition, waiting while another run holds it. */
  private async claim(work: ShopWork, token: string, signal: AbortSignal): Promise<JobPartitionRecord | 'finished' | 'stopped'> {
    let waitingLogged = false;
    for (;;) {
      const claim = await this.jobs.claimPartition(work.executionId, work.shopId, token, this.options.partitionLeaseMs);
      if (claim.state === 'claimed') return claim.partition;
      if (claim.state === 'finished' || claim.state === 'missing') return 'finished';
      if (!waitingLogged) {
        this.logger.log(`${work.jobName} ${work.shopId} ${work.cycle}: another run holds the shop until ${claim.leaseExpiresAt.toISOString()}; waiting`);
        waitingLogged = true;
      }
      const wait = Math.min(Math.max(claim.leaseExpiresAt.getTime() - Date.now(), 200), this.options.partitionLeaseMs / 3);
      try {
        await sleep(wait, undefined, { signal });
      } catch {
        return 'stopped';
      }
    }
  }

  private async afterFailure(work: ShopWork, token: string, error: Error, delivery: WorkDelivery): Promise<'done' | 'stopped'> {
    const lost = error instanceof RecurringException && error.code === 'RECURRING_PARTITION_LEASE_LOST';
    if (lost || (error instanceof RunInterrupted && error.message === 'lease lost')) {
      this.logger.warn(`${work.jobName} ${work.shopId} ${work.cycle}: another run took the shop over; this one stops`);
      return 'done';
    }
    if (error instanceof RunInterrupted) {
      await this.jobs.releaseLease(work.executionId, work.shopId, token);
      this.logger.log(`${work.jobName} ${work.shopId} ${work.cycle}: stopped at a chunk boundary; the work message will be redelivered`);
      return 'stopped';
    }
    const message = `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
    await this.jobs.recordFailure(work.executionId, work.shopId, token, message);
    if (delivery.finalAttempt) {
      await this.jobs.finishPartition(work.executionId, work.shopId, token, 'failed', message, this.clock.now());
      this.logger.error(`${work.jobName} ${work.shopId} ${work.cycle}: failed after ${delivery.attempt} attempts, partition marked failed: ${message}`);
      return 'done';
    }
    // the consumer retries with backoff; the retry takes the partition at once and resumes after the checkpoint
    await this.jobs.releaseLease(work.executionId, work.shopId, token);
    throw error;
  }

  private async runChunks(
    work: ShopWork,
    job: AnyShopJob,
    settings: JobSettings,
    partition: JobPartitionRecord,
    token: string,
    mustStop: () => void,
  ): Promise<void> {
    const total = await job.countRecords(work.shopId, work.cycle);
    await this.jobs.setRecordsTotal(work.executionId, work.shopId, token, total);
    const after = partition.checkpoint ?? '';
    if (partition.checkpoint !== null) this.logger.log(`${work.jobName} ${work.shopId} ${work.cycle}: resuming after ${after} (${partition.recordsDone} done)`);
    const startedAt = this.clock.now();
    const doneBefore = partition.recordsDone;
    let done = doneBefore;
    const chunkDone: ChunkDone = (processed) => {
      failpoint('recurring.job.after-chunk-commit');
      if (crossesProgressMark(done, done + processed, this.options.progressLogEvery)) {
        const progress = jobProgress(done + processed - doneBefore, total - doneBefore, startedAt, this.clock.now());
        this.logger.log(
          `${work.jobName} ${work.shopId} ${work.cycle}: ${done + processed}/${total} records, ${progress.ratePerSecond}/s, ETA ${progress.etaSeconds ?? '?'} s`,
        );
      }
      done += processed;
    };
    const commit: CommitChunk = (checkpoint, processed, write) =>
      this.dataSource.transaction(async (transaction) => {
        await write(transaction);
        await this.jobs.commitChunk(transaction, work.executionId, work.shopId, token, checkpoint, processed);
      });

    if (isPipelined(job)) await this.runPipelined(work, job, settings, after, commit, chunkDone, mustStop);
    else await this.runSequential(work, job, settings, after, chunkDone, mustStop, token);
    this.logger.log(`${work.jobName} ${work.shopId} ${work.cycle}: done, ${done}/${total} records${work.dryRun ? ' (dry run, nothing written)' : ''}`);
  }

  private async runSequential(
    work: ShopWork,
    job: ShopJob,
    settings: JobSettings,
    start: string,
    chunkDone: ChunkDone,
    mustStop: () => void,
    token: string,
  ): Promise<void> {
    let after = start;
    for (;;) {
      mustStop();
      const chunk = await this.dataSource.transaction(async (transaction) => {
        const result = await job.runChunk(transaction, { shopId: work.shopId, cycle: work.cycle, after, limit: settings.chunkSize, dryRun: work.dryRun });
        if (result.processed > 0 && result.checkpoint !== null) {
          await this.jobs.commitChunk(transaction, work.executionId, work.shopId, token, result.checkpoint, result.processed);
        }
        return result;
      });
      if (chunk.processed === 0 || chunk.checkpoint === null) return;
      chunkDone(chunk.processed, chunk.checkpoint);
      after = chunk.checkpoint;
      if (chunk.processed < settings.chunkSize) return;
    }
  }

  /** Chunk n+1 is read and prepared (the processor call) while chunk n is written and committed. */
  private async runPipelined(
    work: ShopWork,
    job: PipelinedShopJob,
    settings: JobSettings,
    start: string,
    commit: CommitChunk,
    chunkDone: ChunkDone,
    mustStop: () => void,
  ): Promise<void> {
    const scope = { shopId: work.shopId, cycle: work.cycle };
    const reader = new KeysetReader((after, limit) => job.readRecords(scope, after, limit), (record) => job.checkpointOf(record), start, settings.fetchSize);
    const prepare = (records: unknown[]) => {
      const prepared = work.dryRun || records.length === 0 ? Promise.resolve(undefined) : job.prepareChunk(scope, records);
      prepared.catch(() => undefined); // awaited below; a chunk abandoned after an earlier failure must not crash the process
      return { records, prepared };
    };
    let next = prepare(await reader.take(settings.chunkSize));
    while (next.records.length > 0) {
      mustStop();
      const current = next;
      const prepared = await current.prepared;
      next = prepare(current.records.length < settings.chunkSize ? [] : await reader.take(settings.chunkSize));
      const checkpoint = job.checkpointOf(current.records[current.records.length - 1]);
      await commit(checkpoint, current.records.length, async (transaction) => {
        if (!work.dryRun) await job.writeChunk(transaction, scope, current.records, prepared);
      });
      chunkDone(current.records.length, checkpoint);
    }
  }
}
