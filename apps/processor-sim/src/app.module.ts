import { DynamicModule, Module } from '@nestjs/common';
import { PROCESSOR_ENTITIES, PROCESSOR_MIGRATIONS } from '@kessai/processor-data-access';
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
      ],
    };
  }
}

export const processorSimService: ServiceDefinition<ProcessorSimConfig> = {
  serviceName: 'processor-sim',
  loadConfig: () => loadProcessorSimConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
