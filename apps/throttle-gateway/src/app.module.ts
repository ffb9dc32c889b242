import { DynamicModule, Module } from '@nestjs/common';
import { THROTTLE_ENTITIES, THROTTLE_MIGRATIONS } from '@kessai/throttle-data-access';
import { AdminModule } from '@kessai/throttle-feature-admin';
import { ApiKeysModule } from '@kessai/throttle-feature-api-keys';
import { FlowControlModule } from '@kessai/throttle-feature-flow-control';
import { IdempotencyModule } from '@kessai/throttle-feature-idempotency';
import { MerchantApiListener, ProxyModule } from '@kessai/throttle-feature-proxy';
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
          // Fail-open keeps serving without Redis: readiness then reports Redis but does not depend on it, or
          // the load balancer would pull the very instances fail-open is meant to keep serving.
          redis: { requiredForReadiness: config.FLOW_REDIS_FAILURE_MODE === 'closed' },
        }),
        ApiKeysModule.forRoot({ cacheMs: config.API_KEY_CACHE_MS }),
        FlowControlModule.forRoot({
          redisUrl: config.REDIS_URL,
          redisTimeoutMs: config.FLOW_REDIS_TIMEOUT_MS,
          keyPrefix: config.REDIS_KEY_PREFIX,
          leaseMs: config.FLOW_LEASE_MS,
          failureMode: config.FLOW_REDIS_FAILURE_MODE,
          localShare: config.FLOW_LOCAL_SHARE_PERCENT / 100,
          limitsCacheMs: config.FLOW_LIMITS_CACHE_MS,
          retryAfterJitterSeconds: config.RETRY_AFTER_JITTER_SECONDS,
          defaultPolicy: {
            ratePerSecond: config.FLOW_DEFAULT_RATE_PER_SECOND,
            burstMultiple: config.FLOW_DEFAULT_BURST_MULTIPLE,
            concurrency: config.FLOW_DEFAULT_CONCURRENCY,
            reservedShare: config.FLOW_DEFAULT_RESERVED_PERCENT / 100,
            shadow: false,
          },
        }),
        IdempotencyModule.forRoot({
          keyPrefix: config.REDIS_KEY_PREFIX,
          ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3600 * 1000,
          inProgressMs: config.FLOW_LEASE_MS,
        }),
        ProxyModule.forRoot({
          // The route table (MERCHANT_SERVICES) names services; their URLs come from here.
          upstreams: {
            'billing-requests': config.BILLING_REQUESTS_URL,
            'payment-screen': config.PAYMENT_SCREEN_URL,
            'recurring-engine': config.RECURRING_ENGINE_URL,
            'credit-screening': config.CREDIT_SCREENING_URL,
          },
          upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
          upstreamConnections: config.UPSTREAM_CONNECTIONS,
          maxRequestBodyBytes: config.MAX_REQUEST_BODY_BYTES,
        }),
        AdminModule.forRoot({ token: config.ADMIN_TOKEN }),
      ],
    };
  }
}

export const throttleGatewayService: ServiceDefinition<ThrottleGatewayConfig> = {
  serviceName: 'throttle-gateway',
  loadConfig: () => loadThrottleGatewayConfig(),
  appModule: (config) => AppModule.forConfig(config),
  bodyParser: false,
  // The merchant API bypasses Express and Nest: see MerchantApiListener.
  frontListener: (app) => app.get(MerchantApiListener).listen,
};
