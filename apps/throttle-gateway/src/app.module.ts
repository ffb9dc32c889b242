import { DynamicModule, Module } from '@nestjs/common';
import { THROTTLE_ENTITIES, THROTTLE_MIGRATIONS } from '@kessai/throttle-data-access';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { ThrottleGatewayConfig, loadThrottleGatewayConfig } from './config/throttle-gateway.config';

@Module({})
export class AppModule {
  static forConfig(config: ThrottleGatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'throttle-gateway',
          config,
          database: { entities: THROTTLE_ENTITIES, migrations: THROTTLE_MIGRATIONS },
          redis: true,
        }),
      ],
    };
  }
}

export const throttleGatewayService: ServiceDefinition<ThrottleGatewayConfig> = {
  serviceName: 'throttle-gateway',
  loadConfig: () => loadThrottleGatewayConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
