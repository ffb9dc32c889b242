/** Job settings from the service's validated configuration. */
export interface JobsOptions {
  /** Records per chunk; a chunk's effects and its checkpoint commit in one transaction. */
  chunkSize: number;
  /** A progress line is logged each time this many more records of a shop are done. */
  progressLogEvery: number;
  /** Base URL of the processor's API (authorizations, files). */
  processorUrl: string;
  /** Credit screening, asked for every chunk of charges of a merchant with screening on. */
  screening: { url: string; timeoutMs: number; failureMode: 'open' | 'closed' };
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
