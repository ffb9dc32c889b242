import { DynamicModule, Module } from '@nestjs/common';
import { PAYMENT_EVENTS } from '@kessai/payment-contracts';
import { PAYMENT_ENTITIES, PAYMENT_MIGRATIONS } from '@kessai/payment-data-access';
import { PAYMENT_PAGES_CONSUMERS, PaymentPagesModule } from '@kessai/payment-feature-payment-pages';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { PaymentScreenConfig, loadPaymentScreenConfig } from './config/payment-screen.config';

@Module({})
export class AppModule {
  static forConfig(config: PaymentScreenConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'payment-screen',
          config,
          database: { entities: PAYMENT_ENTITIES, migrations: PAYMENT_MIGRATIONS },
          messaging: { publishes: PAYMENT_EVENTS, consumers: PAYMENT_PAGES_CONSUMERS },
          redis: true,
        }),
        PaymentPagesModule.forRoot({
          publicUrl: config.publicUrl,
          processorUrl: config.PAYMENT_PROCESSOR_URL,
          processorBrowserUrl: config.processorBrowserUrl,
          processorTimeoutMs: config.PAYMENT_PROCESSOR_TIMEOUT_MS,
          egressProxy: config.HTTPS_PROXY ? { url: config.HTTPS_PROXY, noProxy: config.NO_PROXY } : undefined,
          signingSecret: config.PROCESSOR_SIGNING_SECRET,
          csrfSecret: config.PAYMENT_CSRF_SECRET,
          operatorToken: config.PAYMENT_OPERATOR_TOKEN,
          customerFlow: {
            redisUrl: config.PAYMENT_FLOW_REDIS_URL || config.REDIS_URL,
            redisTimeoutMs: config.PAYMENT_FLOW_REDIS_TIMEOUT_MS,
            keyPrefix: config.PAYMENT_FLOW_KEY_PREFIX,
            leaseMs: config.PAYMENT_FLOW_LEASE_MS,
            failureMode: config.PAYMENT_FLOW_REDIS_FAILURE_MODE,
            localShare: config.PAYMENT_FLOW_LOCAL_SHARE_PERCENT / 100,
            retryAfterJitterSeconds: config.PAYMENT_FLOW_RETRY_AFTER_JITTER_SECONDS,
            ratePerSecond: config.PAYMENT_FLOW_RATE_PER_SECOND,
            burstMultiple: config.PAYMENT_FLOW_BURST_MULTIPLE,
            concurrency: config.PAYMENT_FLOW_CONCURRENCY,
            reservedShare: config.PAYMENT_FLOW_RESERVED_PERCENT / 100,
          },
        }),
      ],
    };
  }
}

export const paymentScreenService: ServiceDefinition<PaymentScreenConfig> = {
  serviceName: 'payment-screen',
  loadConfig: () => loadPaymentScreenConfig(),
  appModule: (config) => AppModule.forConfig(config),
};
