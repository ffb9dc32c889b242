import { DynamicModule, Module } from '@nestjs/common';
import { SCREENING_EVENTS } from '@kessai/screening-contracts';
import { SCREENING_ENTITIES, SCREENING_MIGRATIONS } from '@kessai/screening-data-access';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { CreditScreeningConfig, loadCreditScreeningConfig } from './config/credit-screening.config';

@Module({})
export class AppModule {
  static forConfig(config: CreditScreeningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'credit-screening',
          config,
          database: { entities: SCREENING_ENTITIES, migrations: SCREENING_MIGRATIONS },
          messaging: { publishes: SCREENING_EVENTS, consumers: [] },
          redis: true,
        }),
      ],
    };
  }
}

export const creditScreeningService: ServiceDefinition<CreditScreeningConfig> = {
  serviceName: 'credit-screening',
  loadConfig: () => loadCreditScreeningConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
