/** Job settings from the service's validated configuration. */
export interface JobsOptions {
  /** Records per chunk; a chunk's effects and its checkpoint commit in one transaction. */
  chunkSize: number;
  /** A progress line is logged each time this many more records of a shop are done. */
  progressLogEvery: number;
  /** Base URL of the processor's API (authorizations, files). */
  processorUrl: string;
  /** Signs the files sent to the processor (capture, card refresh). Secret. */
  processorSigningSecret: string;
  /** Days after a first soft decline on which dunning retries it. */
  dunningRetryDays: readonly number[];
  /** Tests only (validated by the config): the jobs' clock runs this many hours ahead. */
  clockOffsetHours?: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
