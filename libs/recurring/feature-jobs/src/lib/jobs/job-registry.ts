import { Injectable } from '@nestjs/common';
import { RecurringException } from '@kessai/recurring-domain';
import { AuthorizeChargesJob } from './authorize-charges.job';
import { GenerateChargesJob } from './generate-charges.job';
import { AnyShopJob } from './shop-job';

/** The jobs that can be launched, by name. */
@Injectable()
export class JobRegistry {
  private readonly jobs: Map<string, AnyShopJob>;

  constructor(generateCharges: GenerateChargesJob, authorizeCharges: AuthorizeChargesJob) {
    this.jobs = new Map<string, AnyShopJob>([generateCharges, authorizeCharges].map((job) => [job.name, job]));
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
