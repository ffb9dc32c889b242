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
          signingSecret: config.PROCESSOR_SIGNING_SECRET,
          csrfSecret: config.PAYMENT_CSRF_SECRET,
          operatorToken: config.PAYMENT_OPERATOR_TOKEN,
          screening: { url: config.SCREENING_URL, timeoutMs: config.SCREENING_TIMEOUT_MS, failureMode: config.SCREENING_FAILURE_MODE },
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
