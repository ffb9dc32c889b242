import { DynamicModule, Module } from '@nestjs/common';
import { RECURRING_EVENTS } from '@kessai/recurring-contracts';
import { RECURRING_ENTITIES, RECURRING_MIGRATIONS } from '@kessai/recurring-data-access';
import { JOBS_CONSUMERS, JobsModule } from '@kessai/recurring-feature-jobs';
import { MANDATES_CONSUMERS, MandatesModule } from '@kessai/recurring-feature-mandates';
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
        MandatesModule,
        ShopsModule,
        JobsModule.forService({
          chunkSize: config.RECURRING_CHUNK_SIZE, progressLogEvery: config.RECURRING_PROGRESS_LOG_EVERY,
          processorUrl: config.RECURRING_PROCESSOR_URL,
          processorSigningSecret: config.RECURRING_PROCESSOR_SIGNING_SECRET,
          dunningRetryDays: config.dunningRetryDays,
          clockOffsetHours: config.RECURRING_TEST_CLOCK_OFFSET_HOURS,
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
