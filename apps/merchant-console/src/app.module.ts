import { DynamicModule, Module } from '@nestjs/common';
import { CONSOLE_ENTITIES, CONSOLE_MIGRATIONS } from '@kessai/console-data-access';
import { MerchantScreensModule } from '@kessai/console-feature-merchant-screens';
import { ConsoleSignInModule } from '@kessai/console-feature-sign-in';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { MerchantConsoleConfig, loadMerchantConsoleConfig } from './config/merchant-console.config';

@Module({})
export class AppModule {
  static forConfig(config: MerchantConsoleConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // No events: the console acts only through the other services' HTTP APIs.
        PlatformModule.forService({ serviceName: 'merchant-console', config, database: { entities: CONSOLE_ENTITIES, migrations: CONSOLE_MIGRATIONS } }),
        ConsoleSignInModule.forRoot({
          publicUrl: config.CONSOLE_PUBLIC_URL,
          secureCookies: config.secureCookies,
          csrfSecret: config.CONSOLE_CSRF_SECRET,
          sessionIdleMs: config.CONSOLE_SESSION_IDLE_MS,
          sessionMaxMs: config.CONSOLE_SESSION_MAX_MS,
          lockout: { maxFailures: config.CONSOLE_LOCKOUT_FAILURES, lockMs: config.CONSOLE_LOCKOUT_MS },
        }),
        MerchantScreensModule.forRoot({
          billingRequestsUrl: config.BILLING_REQUESTS_URL,
          recurringEngineUrl: config.RECURRING_ENGINE_URL,
          creditScreeningUrl: config.CREDIT_SCREENING_URL,
          gatewayAdminUrl: config.GATEWAY_ADMIN_URL,
          gatewayAdminToken: config.GATEWAY_ADMIN_TOKEN,
          upstreamTimeoutMs: config.CONSOLE_UPSTREAM_TIMEOUT_MS,
          uploadMaxBytes: config.CONSOLE_UPLOAD_MAX_BYTES,
        }),
      ],
    };
  }
}

export const merchantConsoleService: ServiceDefinition<MerchantConsoleConfig> = {
  serviceName: 'merchant-console',
  loadConfig: () => loadMerchantConsoleConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
