import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNumber, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { Environment, loadConfig, Secret, ServiceConfig, ToInteger, ToList } from '@kessai/shared-config';

/** Validation of every shared variable lives on ServiceConfig; here are this service's defaults and own settings. */
export class ProcessorSimConfig extends ServiceConfig {
  PORT = 3005;
  DATABASE_SCHEMA = 'processor';

  /** `none` answers at once (benchmarks); `realistic` waits 50–300 ms per authorization like a card network. */
  @IsIn(['none', 'realistic'])
  PROCESSOR_LATENCY_PROFILE: 'none' | 'realistic' = 'none';

  /** Share of authorizations answered with a processor error (96) whatever the card, 0 to 1. */
  @Transform(({ value }) => (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value))
  @IsNumber()
  @Min(0)
  @Max(1)
  PROCESSOR_ERROR_RATE = 0;

  /** How long the timeout test card keeps a single authorization call waiting before answering 504. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(120000)
  PROCESSOR_TIMEOUT_AFTER_MS = 30000;

  /** The address browsers reach the simulator at (challenge, wallet and script URLs); empty = http://HOST:PORT. */
  @ValidateIf((config: ProcessorSimConfig) => config.PROCESSOR_PUBLIC_URL !== '')
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'must be an http(s) origin without a path, e.g. http://127.0.0.1:3005' })
  PROCESSOR_PUBLIC_URL = '';

  /** Where webhooks go (the platform's receiver); empty = they wait in pending_webhook until one is set. */
  @ValidateIf((config: ProcessorSimConfig) => config.PROCESSOR_WEBHOOK_URL !== '')
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  PROCESSOR_WEBHOOK_URL = '';

  /** Shared secret: signs webhooks and verifies signed file uploads (HMAC-SHA256). */
  @Secret()
  @MinLength(16)
  PROCESSOR_SIGNING_SECRET = 'kessai-processor-sim-development-secret';

  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(60000)
  PROCESSOR_WEBHOOK_POLL_INTERVAL_MS = 200;

  /** First retry delay of an unacknowledged webhook; doubles on each attempt up to the maximum. */
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(3600000)
  PROCESSOR_WEBHOOK_RETRY_INITIAL_MS = 1000;

  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(86400000)
  PROCESSOR_WEBHOOK_RETRY_MAX_MS = 300000;

  /** Merchants allowed floor-limit sales (capture without authorization), as `merchantId:limitInMinorUnits`. */
  @ToList()
  @IsArray()
  @Matches(/^[\x21-\x39\x3b-\x7e]{1,64}:\d{1,15}$/, { each: true, message: 'must be a comma-separated list of merchantId:limit (minor units)' })
  PROCESSOR_FLOOR_LIMIT_MERCHANTS: string[] = [];

  /** How often awaiting konbini slips past their deadline are expired. */
  @ToInteger()
  @IsInt()
  @Min(10)
  @Max(3600000)
  PROCESSOR_KONBINI_EXPIRY_INTERVAL_MS = 1000;

  get publicUrl(): string {
    return this.PROCESSOR_PUBLIC_URL || `http://${this.HOST === '0.0.0.0' ? '127.0.0.1' : this.HOST}:${this.PORT}`;
  }

  get floorLimits(): Map<string, number> {
    return new Map(
      this.PROCESSOR_FLOOR_LIMIT_MERCHANTS.map((entry) => {
        const at = entry.lastIndexOf(':');
        return [entry.slice(0, at), Number(entry.slice(at + 1))];
      }),
    );
  }
}

export function loadProcessorSimConfig(env: Environment = process.env): ProcessorSimConfig {
  return loadConfig(ProcessorSimConfig, env);
}
