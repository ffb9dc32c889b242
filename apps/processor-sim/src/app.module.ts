import { DynamicModule, Module } from '@nestjs/common';
import { PROCESSOR_ENTITIES, PROCESSOR_MIGRATIONS, ProcessorDataAccessModule } from '@kessai/processor-data-access';
import { AuthorizationsModule } from '@kessai/processor-feature-authorizations';
import { CardsModule } from '@kessai/processor-feature-cards';
import { FilesModule } from '@kessai/processor-feature-files';
import { KonbiniModule } from '@kessai/processor-feature-konbini';
import { NotificationsModule } from '@kessai/processor-feature-notifications';
import { WalletModule } from '@kessai/processor-feature-wallet';
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
        KonbiniModule.forRoot({ expiryIntervalMs: config.PROCESSOR_KONBINI_EXPIRY_INTERVAL_MS }),
        WalletModule.forRoot({ publicUrl: config.publicUrl }),
        NotificationsModule.forRoot({
          webhookUrl: config.PROCESSOR_WEBHOOK_URL,
          signingSecret: config.PROCESSOR_SIGNING_SECRET,
          pollIntervalMs: config.PROCESSOR_WEBHOOK_POLL_INTERVAL_MS,
          retryInitialMs: config.PROCESSOR_WEBHOOK_RETRY_INITIAL_MS,
          retryMaxMs: config.PROCESSOR_WEBHOOK_RETRY_MAX_MS,
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
