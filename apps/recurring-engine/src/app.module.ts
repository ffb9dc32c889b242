import { DynamicModule, Module } from '@nestjs/common';
import { RECURRING_EVENTS } from '@kessai/recurring-contracts';
import { RECURRING_ENTITIES, RECURRING_MIGRATIONS } from '@kessai/recurring-data-access';
import { IntakeModule } from '@kessai/recurring-feature-intake';
import { JOBS_CONSUMERS, JobsModule, parseJobSchedule, parseJobSettings } from '@kessai/recurring-feature-jobs';
import { MANDATES_CONSUMERS, MandatesModule } from '@kessai/recurring-feature-mandates';
import { MembersModule } from '@kessai/recurring-feature-members';
import { ShopsModule } from '@kessai/recurring-feature-shops';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { RecurringEngineConfig, loadRecurringEngineConfig } from './config/recurring-engine.config';

@Module({})
export class AppModule {
  static forConfig(config: RecurringEngineConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'recurring-engine',
          config,
          database: { entities: RECURRING_ENTITIES, migrations: RECURRING_MIGRATIONS },
          messaging: { publishes: RECURRING_EVENTS, consumers: [...MANDATES_CONSUMERS, ...JOBS_CONSUMERS] },
        }),
        MandatesModule.forService({
          processorUrl: config.RECURRING_PROCESSOR_URL,
          processorTimeoutMs: config.RECURRING_PROCESSOR_TIMEOUT_MS,
          screening: { url: config.SCREENING_URL, timeoutMs: config.SCREENING_TIMEOUT_MS, failureMode: config.SCREENING_FAILURE_MODE },
        }),
        ShopsModule,
        JobsModule.forService({
          defaults: { concurrency: config.RECURRING_CONCURRENCY, chunkSize: config.RECURRING_CHUNK_SIZE, fetchSize: config.RECURRING_FETCH_SIZE },
          perJob: parseJobSettings(config.RECURRING_JOBS),
          progressLogEvery: config.RECURRING_PROGRESS_LOG_EVERY,
          processorUrl: config.RECURRING_PROCESSOR_URL,
          screening: { url: config.SCREENING_URL, timeoutMs: config.SCREENING_TIMEOUT_MS, failureMode: config.SCREENING_FAILURE_MODE },
          partitionLeaseMs: config.RECURRING_PARTITION_LEASE_MS,
          schedule: parseJobSchedule(config.RECURRING_SCHEDULE),
          schedulePollMs: config.RECURRING_SCHEDULE_POLL_MS,
          scheduleCatchUpMs: config.RECURRING_SCHEDULE_CATCH_UP_MINUTES * 60_000,
          processorSigningSecret: config.RECURRING_PROCESSOR_SIGNING_SECRET,
          dunningRetryDays: config.dunningRetryDays,
          clockOffsetHours: config.RECURRING_TEST_CLOCK_OFFSET_HOURS,
        }),
        MembersModule,
        IntakeModule.forService({
          processorUrl: config.RECURRING_PROCESSOR_URL,
          sftp:
            config.RECURRING_SFTP_HOST === ''
              ? null
              : {
                  host: config.RECURRING_SFTP_HOST,
                  port: config.RECURRING_SFTP_PORT,
                  username: config.RECURRING_SFTP_USERNAME,
                  privateKey: config.RECURRING_SFTP_PRIVATE_KEY.replace(/\\n/g, '\n'),
                  hostKeySha256: config.RECURRING_SFTP_HOST_KEY_SHA256,
                  root: config.RECURRING_SFTP_ROOT,
                  pollIntervalMs: config.RECURRING_SFTP_POLL_INTERVAL_MS,
                },
        }),
      ],
    };
  }
}

export const recurringEngineService: ServiceDefinition<RecurringEngineConfig> = {
  serviceName: 'recurring-engine',
  loadConfig: () => loadRecurringEngineConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
