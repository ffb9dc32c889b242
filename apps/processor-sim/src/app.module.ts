import { DynamicModule, Module } from '@nestjs/common';
import { PROCESSOR_ENTITIES, PROCESSOR_MIGRATIONS, ProcessorDataAccessModule } from '@kessai/processor-data-access';
import { AuthorizationsModule } from '@kessai/processor-feature-authorizations';
import { CardsModule } from '@kessai/processor-feature-cards';
import { FilesModule } from '@kessai/processor-feature-files';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { ProcessorSimConfig, loadProcessorSimConfig } from './config/processor-sim.config';

@Module({})
export class AppModule {
  static forConfig(config: ProcessorSimConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'processor-sim',
          config,
          database: { entities: PROCESSOR_ENTITIES, migrations: PROCESSOR_MIGRATIONS },
        }),
        ProcessorDataAccessModule,
        CardsModule,
        AuthorizationsModule.forRoot({
          latencyProfile: config.PROCESSOR_LATENCY_PROFILE,
          errorRate: config.PROCESSOR_ERROR_RATE,
          timeoutAfterMs: config.PROCESSOR_TIMEOUT_AFTER_MS,
          publicUrl: config.publicUrl,
        }),
        FilesModule.forRoot({ floorLimits: config.floorLimits, signingSecret: config.PROCESSOR_SIGNING_SECRET, publicUrl: config.publicUrl }),
      ],
    };
  }
}

export const processorSimService: ServiceDefinition<ProcessorSimConfig> = {
  serviceName: 'processor-sim',
  loadConfig: () => loadProcessorSimConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
