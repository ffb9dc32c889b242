import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { FlowLimiter } from '@kessai/shared-flow-control';
import { createRedisClient } from '@kessai/shared-redis';
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

/** One warning per second at most while Redis fails, with how many decisions it affected. */
function redisFailureLog(): (error: Error) => void {
  const logger = new Logger('FlowControl');
  let lastAt = 0;
  let suppressed = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastAt < 1000) {
      suppressed += 1;
      return;
    }
    logger.warn(`Redis failed for flow control (${error.message}); the failure mode decides (${suppressed} more since the last warning)`);
    lastAt = now;
    suppressed = 0;
  };
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
          useFactory: () => {
            // Auto-pipelining: the decisions of all requests that arrive in one event-loop turn go out in one write.
            const redis = createRedisClient(options.redisUrl, 'throttle-gateway-flow', { commandTimeout: options.redisTimeoutMs, enableAutoPipelining: true });
            // Errors surface on each command and the failure mode decides; the connection retries by itself.
            redis.on('error', () => undefined);
            return redis;
          },
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
              onRedisFailure: redisFailureLog(),
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
