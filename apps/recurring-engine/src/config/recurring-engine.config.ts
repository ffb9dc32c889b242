import { IsIn, IsInt, IsUrl, Max, Min } from 'class-validator';
import { Environment, loadConfig, ServiceConfig, ToInteger } from '@kessai/shared-config';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class RecurringEngineConfig extends ServiceConfig {
  PORT = 3003;
  DATABASE_SCHEMA = 'recurring';

  /** Records per chunk of a job = records per commit; a restarted job resumes after the last committed chunk. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000)
  RECURRING_CHUNK_SIZE = 5_000;

  /** A job logs a shop's progress each time this many more records are done. */
  @ToInteger()
  @IsInt()
  @Min(1)
  RECURRING_PROGRESS_LOG_EVERY = 10_000;

  /** The processor's API (processor-sim in development and tests). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  RECURRING_PROCESSOR_URL = 'http://127.0.0.1:3005';

  /** Credit screening, asked in bulk before the charges of a merchant with screening on are authorized. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SCREENING_URL = 'http://127.0.0.1:3004';

  /** How long one bulk call (up to 5,000 charges) may take before SCREENING_FAILURE_MODE applies. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(120000)
  SCREENING_TIMEOUT_MS = 10000;

  /** Screening unreachable: `open` authorizes the chunk anyway, `closed` fails the chunk (it stays pending for the retry). */
  @IsIn(['open', 'closed'])
  SCREENING_FAILURE_MODE: 'open' | 'closed' = 'closed';
}

export function loadRecurringEngineConfig(env: Environment = process.env): RecurringEngineConfig {
  return loadConfig(RecurringEngineConfig, env);
}
