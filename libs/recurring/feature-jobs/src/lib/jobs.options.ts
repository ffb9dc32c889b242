import type { JobScheduleEntry } from './schedule/job-schedule';
import type { JobSettings } from './settings/job-settings';

/** Job settings from the service's validated configuration. */
export interface JobsOptions {
  /** Concurrency, chunk size and fetch size of a job that has no settings of its own. */
  defaults: JobSettings;
  /** Settings of particular jobs, by job name (RECURRING_JOBS); what a job leaves out comes from `defaults`. */
  perJob: Record<string, Partial<JobSettings>>;
  /** A progress line is logged each time this many more records of a shop are done. */
  progressLogEvery: number;
  /** Base URL of the processor's API (authorizations, files). */
  processorUrl: string;
  /** Credit screening, asked for every chunk of charges of a merchant with screening on. */
  screening: { url: string; timeoutMs: number; failureMode: 'open' | 'closed' };
  /** How long a shop's run holds its partition without renewing the lease (renewed every third of it). */
  partitionLeaseMs: number;
  /** The built-in schedule (Japan time); empty: jobs are launched over HTTP only. */
  schedule: JobScheduleEntry[];
  /** How often each instance looks for a due slot of the schedule. */
  schedulePollMs: number;
  /** A slot missed while no instance ran is still fired when it is at most this old. */
  scheduleCatchUpMs: number;
  /** Signs the files sent to the processor (capture, card refresh). Secret. */
  processorSigningSecret: string;
  /** Days after a first soft decline on which dunning retries it. */
  dunningRetryDays: readonly number[];
  /** Tests only (validated by the config): the jobs' clock runs this many hours ahead. */
  clockOffsetHours?: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** The settings one job runs with. */
export function jobSettingsOf(options: Pick<JobsOptions, 'defaults' | 'perJob'>, jobName: string): JobSettings {
  return { ...options.defaults, ...options.perJob[jobName] };
}
