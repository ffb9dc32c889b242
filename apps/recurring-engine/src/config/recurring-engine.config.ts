import { IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { DunningSchedule, RecurringException } from '@kessai/recurring-domain';
import { Environment, loadConfig, Secret, ServiceConfig, ToInteger } from '@kessai/shared-config';

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
  RECURRING_PROCESSOR_SIGNING_SECRET = 'kessai-processor-sim-development-secret';

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
