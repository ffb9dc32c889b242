export { RedisModule, RedisReadiness, REDIS, createRedisClient } from './lib/redis.module';
