import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { parseJobSchedule, parseJobSettings } from '@kessai/recurring-feature-jobs';
import { DunningSchedule, RecurringException } from '@kessai/recurring-domain';
import { Environment, loadConfig, NotInProduction, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';

/** A JSON setting read by `parse`; the validation message is the parser's own (which entry, what is wrong). */
function IsParsedBy(parse: (text: string) => unknown): PropertyDecorator {
  const problemOf = (value: unknown) => {
    try {
      parse(String(value));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return ValidateBy({
    name: 'isParsedBy',
    validator: { validate: (value) => typeof value === 'string' && problemOf(value) === null, defaultMessage: (args) => problemOf(args?.value) ?? 'invalid' },
  });
}

const DEVELOPMENT_SIGNING_SECRET = 'kessai-processor-sim-development-secret';

/** Validation of every variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class RecurringEngineConfig extends ServiceConfig {
  PORT = 3003;
  DATABASE_SCHEMA = 'recurring';
  // a charge file of millions of lines is streamed in one request: an hour to send it
  override HTTP_REQUEST_TIMEOUT_MS = 3_600_000;
  override DATABASE_POOL_SIZE = 20;

  /** Records per chunk of a job = records per commit; a restarted job resumes after the last committed chunk. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000)
  RECURRING_CHUNK_SIZE = 5_000;

  /** Records read per database query by jobs that read ahead (authorize-charges); chunks are cut from them. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200_000)
  RECURRING_FETCH_SIZE = 5_000;

  /** Shops each job works at once on one instance (unless RECURRING_JOBS says otherwise for the job). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(64)
  RECURRING_CONCURRENCY = 4;

  /** Per-job settings as JSON, e.g. {"authorize-charges":{"concurrency":8,"chunkSize":5000,"fetchSize":20000}}. */
  @IsParsedBy(parseJobSettings)
  RECURRING_JOBS = '';

  /** A shop's run holds its partition this long without renewing (renewed every third of it); a dead run's shop is taken over after it. */
  @ToInteger()
  @IsInt()
  @Min(3000)
  @Max(600_000)
  RECURRING_PARTITION_LEASE_MS = 30_000;

  /** The built-in schedule as JSON, Japan time: [{"job":"generate-charges","cron":"0 2 1 * *"}, …]; empty = HTTP only. */
  @IsParsedBy(parseJobSchedule)
  RECURRING_SCHEDULE = '';

  /** How often each instance looks for a due slot of the schedule. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(600_000)
  RECURRING_SCHEDULE_POLL_MS = 15_000;

  /** A slot missed while no instance ran still fires when it is at most this many minutes old. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(10_080)
  RECURRING_SCHEDULE_CATCH_UP_MINUTES = 360;

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

  /** How long one authorization of a bill charged automatically may take before it is retried (same idempotency key). */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(120_000)
  RECURRING_PROCESSOR_TIMEOUT_MS = 10_000;

  /** The SFTP server holding the shops' inboxes and outboxes; empty: no SFTP intake in this instance. */
  @ValidateIf((config: RecurringEngineConfig) => config.RECURRING_SFTP_HOST !== '')
  @Matches(/^[A-Za-z0-9.-]{1,253}$/, { message: 'must be a host name or IP address' })
  RECURRING_SFTP_HOST = '';

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65_535)
  RECURRING_SFTP_PORT = 22;

  @ValidateIf((config: RecurringEngineConfig) => config.RECURRING_SFTP_HOST !== '')
  @Matches(/^[a-z_][a-z0-9_.-]{0,31}$/, { message: 'must be a user name on the SFTP server' })
  RECURRING_SFTP_USERNAME = 'kessai';

  /** The engine's private key (OpenSSH PEM; `\n` may stand for line breaks). */
  @Secret()
  @ValidateIf((config: RecurringEngineConfig) => config.RECURRING_SFTP_HOST !== '')
  @IsString()
  @Matches(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, { message: 'must be a private key in PEM/OpenSSH format when RECURRING_SFTP_HOST is set' })
  RECURRING_SFTP_PRIVATE_KEY = '';

  /** The server's host key fingerprint as `ssh-keygen -lf` prints it (`SHA256:…`): any other server is refused. */
  @ValidateIf((config: RecurringEngineConfig) => config.RECURRING_SFTP_HOST !== '')
  @Matches(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'must be a host key fingerprint SHA256:<43 base64 characters> when RECURRING_SFTP_HOST is set' })
  RECURRING_SFTP_HOST_KEY_SHA256 = '';

  /** Directory on the server with one directory per shop (`<shop>/inbox`, `processing`, `done`, `refused`, `outbox`). */
  @ValidateIf((config: RecurringEngineConfig) => config.RECURRING_SFTP_HOST !== '')
  @IsNotEmpty()
  @Matches(/^\/\S*$/, { message: 'must be an absolute path' })
  RECURRING_SFTP_ROOT = '/shops';

  /** How often the inboxes are read. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  RECURRING_SFTP_POLL_INTERVAL_MS = 60_000;

  /** Shared secret with the processor: signs the capture and card-refresh files (processor-sim: PROCESSOR_SIGNING_SECRET). */
  @Secret()
  @MinLength(16)
  @NotInProduction(DEVELOPMENT_SIGNING_SECRET)
  RECURRING_PROCESSOR_SIGNING_SECRET = DEVELOPMENT_SIGNING_SECRET;

  /** Dunning: days after a soft decline's first decline on which it is authorized again, e.g. `3,7,14`; empty = no retries. */
  @ValidateBy({
    name: 'dunningSchedule',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && dunningProblem(value) === null,
      defaultMessage: (args) => `${dunningProblem(String(args?.value))}`,
    },
  })
  RECURRING_DUNNING_RETRY_DAYS = '3,7,14';

  /** Tests only: the engine's clock runs this many hours ahead, so dunning schedules can be crossed without waiting. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(24 * 366)
  @ValidateBy({
    name: 'onlyInTests',
    validator: {
      validate: (value: number, args) => value === 0 || (args?.object as ServiceConfig).NODE_ENV === 'test',
      defaultMessage: () => 'may be set only when NODE_ENV=test',
    },
  })
  RECURRING_TEST_CLOCK_OFFSET_HOURS = 0;

  get dunningRetryDays(): readonly number[] {
    return DunningSchedule.parse(this.RECURRING_DUNNING_RETRY_DAYS).retryDays;
  }
}

function dunningProblem(text: string): string | null {
  try {
    DunningSchedule.parse(text);
    return null;
  } catch (error) {
    if (error instanceof RecurringException) return error.message;
    throw error;
  }
}

export function loadRecurringEngineConfig(env: Environment = process.env): RecurringEngineConfig {
  return loadConfig(RecurringEngineConfig, env);
}
