import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DecisionRepository, StoredDecision } from '@kessai/screening-data-access';
import { SCREENING_OPTIONS, ScreeningOptions } from '../screening.options';

/**
 * Stores decisions off the decision path: they are queued in memory and written in batches, every flushMs or
 * as soon as a batch is full, and all of them on shutdown. A crash loses at most what was queued (a fraction
 * of a second of decisions); the answer the caller got never waits for the database.
 */
@Injectable()
export class DecisionRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('DecisionRecorder');
  private pending: StoredDecision[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly decisions: DecisionRepository,
    @Inject(SCREENING_OPTIONS) private readonly options: ScreeningOptions,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.options.recorder.flushMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(decision: StoredDecision): void {
    if (this.pending.length >= this.options.recorder.maxPending) {
      // The database is behind: say so loudly rather than grow without bound.
      this.logger.error(`decision ${decision.id} not stored: ${this.pending.length} decisions are already waiting`);
      return;
    }
    this.pending.push(decision);
    if (this.pending.length >= this.options.recorder.batchSize) void this.flush();
  }

  /** Writes what is queued, one batch at a time; a failed batch is put back for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.options.recorder.batchSize);
        try {
          await this.decisions.copyMany(batch);
        } catch (error) {
          this.pending.unshift(...batch);
          this.logger.error(`could not store ${batch.length} decisions, will retry: ${(error as Error).message}`);
          return;
        }
      }
    });
    return this.flushing;
  }
}
