import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { JobScheduleRepository } from '@kessai/recurring-data-access';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { StartJobExecutionCommand } from '../commands/start-job-execution/start-job-execution.command';
import { StartJobExecutionHandler } from '../commands/start-job-execution/start-job-execution.handler';
import { JobRegistry } from '../jobs/job-registry';
import { JOBS_OPTIONS, JobsOptions } from '../jobs.options';
import { cycleOfSlot, dueSlot, JobScheduleEntry } from './job-schedule';

/**
 * The built-in schedule. Every engine instance looks for due slots; the first to take a slot's row launches the
 * job for it, in the same transaction, so each slot fires exactly once however many instances run. A slot missed
 * while no instance ran fires late, within the catch-up window.
 */
@Injectable()
export class LaunchScheduledJobsJob implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobSchedule');
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly slots: JobScheduleRepository,
    private readonly launcher: StartJobExecutionHandler,
    private readonly clock: Clock,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  /** A schedule or settings entry naming a job that does not exist stops the service at start. */
  onModuleInit(): void {
    const known = new Set(this.registry.names());
    for (const entry of this.options.schedule) {
      if (!known.has(entry.job)) {
        throw new Error(`RECURRING_SCHEDULE: entry "${entry.name}" names the job "${entry.job}", which does not exist (jobs: ${[...known].join(', ')})`);
      }
    }
    for (const job of Object.keys(this.options.perJob)) {
      if (!known.has(job)) throw new Error(`RECURRING_JOBS: there is no job "${job}" (jobs: ${[...known].join(', ')})`);
    }
  }

  onApplicationBootstrap(): void {
    if (this.options.schedule.length === 0) return;
    this.logger.log(`schedule (Japan time): ${this.options.schedule.map((entry) => `${entry.name} → ${entry.job}`).join('; ')}`);
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** One look at the schedule; returns the executions this instance launched. */
  async tick(): Promise<{ entry: string; slot: Date; executionId: string }[]> {
    const launched: { entry: string; slot: Date; executionId: string }[] = [];
    const now = this.clock.now();
    for (const entry of this.options.schedule) {
      const slot = dueSlot(entry, now, this.options.scheduleCatchUpMs);
      if (!slot || (await this.slots.isTaken(entry.name, slot))) continue;
      const executionId = await this.fire(entry, slot);
      if (executionId) launched.push({ entry: entry.name, slot, executionId });
    }
    return launched;
  }

  private fire(entry: JobScheduleEntry, slot: Date): Promise<string | null> {
    return this.dataSource.transaction(async (transaction) => {
      const executionId = newId();
      if (!(await this.slots.takeSlot(transaction, { entry: entry.name, slot, jobName: entry.job, executionId }))) return null;
      const cycle = cycleOfSlot(entry, slot);
      const { shops } = await this.launcher.executeIn(
        transaction,
        executionId,
        new StartJobExecutionCommand(entry.job, cycle, null, null, false, entry.deadlineDay ?? null),
      );
      this.logger.log(`launched ${entry.job} for cycle ${cycle} (${shops} shops), slot ${slot.toISOString()} of "${entry.name}": execution ${executionId}`);
      return executionId;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        await this.tick();
      } catch (error) {
        this.logger.error(`schedule pass failed, trying again: ${(error as Error).message}`);
      }
      await sleep(this.options.schedulePollMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }
}
