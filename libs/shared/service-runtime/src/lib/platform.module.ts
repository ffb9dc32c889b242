import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { EntitySchema, MixedList } from 'typeorm';
import { Clock, SystemClock } from '@kessai/shared-clock';
import { ServiceConfig } from '@kessai/shared-config';
import { EventDefinition } from '@kessai/shared-contracts';
import { DatabaseModule, DatabaseReadiness } from '@kessai/shared-database';
import { HealthController, READINESS_CHECKS, ReadinessCheck, ShutdownState } from '@kessai/shared-health';
import { loggerOptions } from '@kessai/shared-logging';
import { ConsumerRegistration, MESSAGING_ENTITIES, MessagingModule, MessagingReadiness } from '@kessai/shared-messaging';
import { RedisModule, RedisReadiness } from '@kessai/shared-redis';
import { ApiErrorFilter } from './api-error.filter';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface PlatformOptions {
  serviceName: string;
  config: ServiceConfig;
  database: {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    entities: MixedList<Function | EntitySchema>;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    migrations: MixedList<Function>;
  };
  /** Omit for a service that neither publishes nor consumes events. */
  messaging?: { publishes: EventDefinition[]; consumers: ConsumerRegistration[] };
  /**
   * Connect Redis. Readiness requires it unless `requiredForReadiness` is false: then /health/ready reports it
   * but stays ready without it (a service that keeps serving without Redis, like a fail-open gateway).
   */
  redis?: boolean | { requiredForReadiness: boolean };
}

/**
 * What every Kessai service stands on: JSON logs, its own PostgreSQL schema, Kafka through the outbox,
 * Redis where it needs it, health endpoints, the clock and one error format.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { config, serviceName } = options;
    const imports: DynamicModule[] = [
      LoggerModule.forRoot(loggerOptions(serviceName, config.LOG_LEVEL)),
      DatabaseModule.forService({
        url: config.DATABASE_URL,
        schema: config.DATABASE_SCHEMA,
        poolSize: config.DATABASE_POOL_SIZE,
        migrateOnStart: config.DATABASE_MIGRATE_ON_START,
        applicationName: serviceName,
        entities: [...toArray(options.database.entities), ...(options.messaging ? MESSAGING_ENTITIES : [])],
        migrations: options.database.migrations,
      }),
    ];
    const checks: Type<{ check: ReadinessCheck['check'] }>[] = [DatabaseReadiness];
    const names = ['database'];
    const optional = new Set<string>();
    if (options.messaging) {
      imports.push(
        MessagingModule.forService({
          serviceName,
          brokers: config.KAFKA_BROKERS,
          ssl: config.KAFKA_SSL,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          partitions: config.KAFKA_TOPIC_PARTITIONS,
          publishes: options.messaging.publishes,
          consumers: options.messaging.consumers,
          sessionTimeoutMs: config.KAFKA_CONSUMER_SESSION_TIMEOUT_MS,
          relay: {
            enabled: config.OUTBOX_RELAY_ENABLED,
            pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
            batchSize: config.OUTBOX_BATCH_SIZE,
            retentionHours: 24,
          },
          retry: { attempts: 5, initialBackoffMs: 100, maxBackoffMs: 2000 },
        }),
      );
      checks.push(MessagingReadiness);
      names.push('kafka');
    }
    if (options.redis) {
      imports.push(RedisModule.forService(config.REDIS_URL, serviceName));
      checks.push(RedisReadiness);
      names.push('redis');
      if (typeof options.redis === 'object' && !options.redis.requiredForReadiness) optional.add('redis');
    }
    return {
      module: PlatformModule,
      global: true,
      imports,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        ShutdownState,
        {
          provide: READINESS_CHECKS,
          inject: checks,
          useFactory: (...instances: { check: ReadinessCheck['check'] }[]): ReadinessCheck[] =>
            instances.map((instance, i) => ({ name: names[i], check: () => instance.check(), ...(optional.has(names[i]) && { required: false }) })),
        },
      ],
      exports: [SERVICE_CONFIG, Clock, ShutdownState],
    };
  }
}

function toArray<T>(list: MixedList<T>): T[] {
  return Array.isArray(list) ? list : Object.values(list as Record<string, T>);
}
