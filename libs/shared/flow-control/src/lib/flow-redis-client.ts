import type Redis from 'ioredis';
import { createRedisClient } from '@kessai/shared-redis';

/**
 * The Redis client flow control decides on: fail fast (no offline queue, `commandTimeout`), auto-pipelining (the
 * decisions of all requests arriving in one event-loop turn go out in one write), and connection errors left to
 * each command, where the failure mode decides; the connection retries by itself.
 */
export function createFlowRedisClient(url: string, name: string, commandTimeout: number): Redis {
  const redis = createRedisClient(url, name, { commandTimeout, enableAutoPipelining: true });
  redis.on('error', () => undefined);
  return redis;
}
