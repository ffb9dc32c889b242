import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import type Redis from 'ioredis';
import { createFlowRedisClient, FlowLimiter, redisFailureReporter } from '@kessai/shared-flow-control';
import { CustomerFlowControlMiddleware } from './customer-flow-control.middleware';
import { CUSTOMER_FLOW_OPTIONS, CUSTOMER_FLOW_REDIS, CustomerFlowOptions } from './customer-flow.options';
import { PaymentLinkMerchants } from './payment-link-merchants';

@Injectable()
class CustomerFlowRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(CUSTOMER_FLOW_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Flow control of the customers' requests, on its own fail-fast Redis client (short timeout, no offline queue). */
export function customerFlowProviders(options: CustomerFlowOptions): Provider[] {
  return [
    { provide: CUSTOMER_FLOW_OPTIONS, useValue: options },
    {
      provide: CUSTOMER_FLOW_REDIS,
      useFactory: () => createFlowRedisClient(options.redisUrl, 'payment-screen-flow', options.redisTimeoutMs),
    },
    {
      provide: FlowLimiter,
      inject: [CUSTOMER_FLOW_REDIS],
      useFactory: (redis: Redis) =>
        new FlowLimiter(redis, {
          keyPrefix: options.keyPrefix,
          leaseMs: options.leaseMs,
          failureMode: options.failureMode,
          localShare: options.localShare,
          onRedisFailure: redisFailureReporter((message) => new Logger('CustomerFlowControl').warn(message)),
        }),
    },
    CustomerFlowRedisCloser,
    PaymentLinkMerchants,
    CustomerFlowControlMiddleware,
  ];
}
