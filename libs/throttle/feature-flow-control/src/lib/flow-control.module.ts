import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { createFlowRedisClient, FlowLimiter, redisFailureReporter } from '@kessai/shared-flow-control';
import { MerchantLimitsRepository } from '@kessai/throttle-data-access';
import { SetMerchantLimitsHandler } from './commands/set-merchant-limits/set-merchant-limits.handler';
import { FLOW_CONTROL_OPTIONS, FlowControlOptions, GATEWAY_REDIS } from './flow-control.options';
import { FlowMetrics } from './flow-metrics';
import { MerchantFlowControl } from './merchant-flow-control';
import { MerchantLimitsProvider } from './merchant-limits.provider';
import { MetricsController } from './metrics.controller';

@Injectable()
class GatewayRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(GATEWAY_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class FlowControlModule {
  static forRoot(options: FlowControlOptions): DynamicModule {
    return {
      module: FlowControlModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: FLOW_CONTROL_OPTIONS, useValue: options },
        {
          provide: GATEWAY_REDIS,
          useFactory: () => createFlowRedisClient(options.redisUrl, 'throttle-gateway-flow', options.redisTimeoutMs),
        },
        {
          provide: FlowLimiter,
          inject: [GATEWAY_REDIS],
          useFactory: (redis: Redis) =>
            new FlowLimiter(redis, {
              keyPrefix: options.keyPrefix,
              leaseMs: options.leaseMs,
              failureMode: options.failureMode,
              localShare: options.localShare,
              onRedisFailure: redisFailureReporter((message) => new Logger('FlowControl').warn(message)),
            }),
        },
        GatewayRedisCloser,
        MerchantLimitsRepository,
        MerchantLimitsProvider,
        FlowMetrics,
        MerchantFlowControl,
        SetMerchantLimitsHandler,
      ],
      exports: [GATEWAY_REDIS, FLOW_CONTROL_OPTIONS, MerchantFlowControl, MerchantLimitsProvider, SetMerchantLimitsHandler, FlowMetrics],
    };
  }
}
