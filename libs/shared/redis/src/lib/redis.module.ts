import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

export const REDIS = Symbol('REDIS');

/**
 * A Redis client that fails fast: no offline queue and short timeouts, so a Redis outage shows up as an error
 * the caller decides about (fail open or closed), never as a request that hangs.
 */
export function createRedisClient(url: string, name: string, overrides: Partial<RedisOptions> = {}): Redis {
  return new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    ...overrides,
  });
}

@Injectable()
export class RedisReadiness implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async check(): Promise<{ up: boolean; detail?: string }> {
    const reply = await this.redis.ping();
    return reply === 'PONG' ? { up: true } : { up: false, detail: `unexpected reply ${reply}` };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class RedisModule {
  static forService(url: string, serviceName: string): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [{ provide: REDIS, useFactory: () => createRedisClient(url, serviceName) }, RedisReadiness],
      exports: [REDIS, RedisReadiness],
    };
  }
}
