import { Injectable } from '@nestjs/common';
import { RecurringException } from '@kessai/recurring-domain';
import { AuthorizeChargesJob } from './authorize-charges.job';
import { CaptureChargesJob } from './capture-charges.job';
import { GenerateChargesJob } from './generate-charges.job';
import { RefreshCardsJob } from './refresh-cards.job';
import { RetryDeclinedChargesJob } from './retry-declined-charges.job';
import { AnyShopJob } from './shop-job';

/** The jobs that can be launched, by name. */
@Injectable()
export class JobRegistry {
  private readonly jobs: Map<string, AnyShopJob>;

  constructor(
    generateCharges: GenerateChargesJob,
    authorizeCharges: AuthorizeChargesJob,
    captureCharges: CaptureChargesJob,
    retryDeclinedCharges: RetryDeclinedChargesJob,
    refreshCards: RefreshCardsJob,
  ) {
    this.jobs = new Map<string, AnyShopJob>(
      [generateCharges, authorizeCharges, captureCharges, retryDeclinedCharges, refreshCards].map((job) => [job.name, job]),
    );
  }

  get(name: string): AnyShopJob {
    const job = this.jobs.get(name);
    if (!job) throw new RecurringException('RECURRING_JOB_NOT_FOUND', `There is no job "${name}"; jobs: ${this.names().join(', ')}`);
    return job;
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }
}
