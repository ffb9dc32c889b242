import { DynamicModule, Module } from '@nestjs/common';
import { BILLING_EVENTS } from '@kessai/billing-contracts';
import { BILLING_ENTITIES, BILLING_MIGRATIONS } from '@kessai/billing-data-access';
import { BILLING_CONSUMERS, BillsModule } from '@kessai/billing-feature-bills';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { BillingRequestsConfig, loadBillingRequestsConfig } from './config/billing-requests.config';

@Module({})
export class AppModule {
  static forConfig(config: BillingRequestsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'billing-requests',
          config,
          database: { entities: BILLING_ENTITIES, migrations: BILLING_MIGRATIONS },
          messaging: { publishes: BILLING_EVENTS, consumers: BILLING_CONSUMERS },
        }),
        BillsModule.forService(config.billingOptions),
      ],
    };
  }
}

export const billingRequestsService: ServiceDefinition<BillingRequestsConfig> = {
  serviceName: 'billing-requests',
  loadConfig: () => loadBillingRequestsConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
