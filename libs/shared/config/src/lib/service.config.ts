import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { FAILPOINTS } from '@kessai/shared-failpoints';
import { Secret } from './secret.decorator';
import { ToBoolean, ToInteger, ToList } from './transforms';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const REDIS_URL = /^rediss?:\/\/\S+$/;
const HOST_PORT = /^[^\s:,]+:\d{1,5}$/;

/**
 * Settings every Kessai service has. Each service's config class extends this one and adds its own;
 * property names are the environment variables.
 */
export abstract class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
  abstract PORT: number;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest JSON request body accepted, in KiB; larger ones get 413. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(102400)
  HTTP_JSON_LIMIT_KB = 1024;

  /** Longest time to receive a whole request, headers and body (Node's requestTimeout); 0: no limit. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  HTTP_REQUEST_TIMEOUT_MS = 300_000;

  @Secret()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** The PostgreSQL schema this service owns. Tests give each suite its own. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lowercase SQL identifier' })
  abstract DATABASE_SCHEMA: string;

  @ToBoolean()
  @IsBoolean()
  DATABASE_MIGRATE_ON_START = true;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @ToList()
  @IsArray()
  @ArrayNotEmpty()
  @Matches(HOST_PORT, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Connect to the brokers over TLS (Amazon MSK's TLS listener, port 9094). */
  @ToBoolean()
  @IsBoolean()
  KAFKA_SSL = false;

  /** Prefixes every topic and consumer group; lets test suites run side by side on one broker. */
  @Matches(/^[a-z0-9._-]*$/, { message: 'may hold only lowercase letters, digits, dots, dashes and underscores' })
  KAFKA_TOPIC_PREFIX = '';

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 6;

  /**
   * How long a consumer that stopped heartbeating (crashed) keeps its partitions before the group moves them
   * on: lower fails over faster, higher tolerates longer pauses. The broker accepts 6 s to 5 min.
   */
  @ToInteger()
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_CONSUMER_SESSION_TIMEOUT_MS = 30000;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10000)
  OUTBOX_POLL_INTERVAL_MS = 100;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10000)
  OUTBOX_BATCH_SIZE = 500;

  @ToBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  @Secret()
  @Matches(REDIS_URL, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsIn(['none', 'console', 'otlp', 'memory'])
  OTEL_TRACES_EXPORTER = 'none';

  @IsString()
  OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:4318';

  /**
   * Outbound HTTP(S) to the outside (SMS provider, processor, merchants' webhooks) goes through this proxy
   * (production: the egress proxy and its allow-list); empty = direct.
   */
  @Matches(/^(|https?:\/\/\S+)$/, { message: 'must be empty or an http(s) URL, e.g. http://egress-proxy.kessai.internal:3128' })
  HTTPS_PROXY = '';

  /** Comma-separated hosts (a leading dot for subdomains) reached directly, not through HTTPS_PROXY. */
  @IsString()
  NO_PROXY = '';

  /** Time allowed after SIGTERM to finish in-flight work and flush the outbox before exiting. */
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(60000)
  SHUTDOWN_TIMEOUT_MS = 9000;

  /** Crash tests only: comma-separated failpoints where the process kills itself (see @kessai/shared-failpoints). */
  @ToList()
  @IsArray()
  @IsIn(FAILPOINTS, { each: true })
  @ValidateBy({
    name: 'onlyInTests',
    validator: {
      validate: (value: string[], args) => value.length === 0 || (args?.object as ServiceConfig).NODE_ENV === 'test',
      defaultMessage: () => 'may be set only when NODE_ENV=test: failpoints never run outside crash tests',
    },
  })
  FAILPOINTS: string[] = [];
}
