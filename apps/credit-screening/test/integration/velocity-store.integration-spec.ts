import type Redis from 'ioredis';
import { VelocityStore } from '@kessai/screening-feature-velocity';
import { createRedisClient } from '@kessai/shared-redis';
import { TEST_REDIS_URL, TestNamespace } from '@kessai/shared-testing';

describe('VelocityStore on Redis', () => {
  const namespace = new TestNamespace('screening-velocity');
  const prefix = `${namespace.id}:`;
  let redis: Redis;
  let store: VelocityStore;
  const now = new Date('2026-11-22T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  beforeAll(async () => {
    redis = createRedisClient(TEST_REDIS_URL, 'velocity-spec');
    await new Promise((resolve) => redis.once('ready', resolve));
    store = new VelocityStore(redis, prefix);
    await store.onModuleInit();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await store.onApplicationShutdown();
    await redis.quit();
  });

  it('counts and sums payments over the last hour, day and thirty days', async () => {
    const card = { card: 'card-windows' };
    await store.record('e-1', card, ago(30 * MINUTE), 1000, now);
    await store.record('e-2', card, ago(2 * HOUR), 2000, now);
    await store.record('e-3', card, ago(5 * DAY), 4000, now);
    await store.record('e-4', card, ago(40 * DAY), 8000, now);
    expect(await store.read(card, now)).toEqual({
      'velocity.card.count_1h': 1,
      'velocity.card.sum_1h': 1000,
      'velocity.card.count_24h': 2,
      'velocity.card.sum_24h': 3000,
      'velocity.card.count_30d': 3,
      'velocity.card.sum_30d': 7000,
    });
  });

  it('counts a payment whose event is delivered twice only once', async () => {
    const phone = { phone: '+819012345678' };
    await store.record('e-twice', phone, ago(MINUTE), 500);
    await store.record('e-twice', phone, ago(MINUTE), 500);
    expect((await store.read(phone, now))['velocity.phone.count_1h']).toBe(1);
  });

  it('keeps each identity apart and reads several in one call', async () => {
    await store.record('e-5', { email: 'a@example.com', ip: '203.0.113.9' }, ago(MINUTE), 700);
    const features = await store.read({ email: 'A@Example.com ', ip: '203.0.113.9', device: 'never-seen' }, now);
    expect(features['velocity.email.count_1h']).toBe(1);
    expect(features['velocity.ip.sum_24h']).toBe(700);
    expect(features['velocity.device.count_30d']).toBe(0);
  });

  it('never writes a phone number or e-mail address into a key', async () => {
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/819012345678|example\.com|203\.0\.113/);
  });

  it('keeps a busy identity bounded in memory', async () => {
    const busy = { ip: '198.51.100.1' };
    // Newest first: late events must not keep expired buckets alive.
    for (let minute = 0; minute < 600; minute++) await store.record(`busy-${minute}`, busy, ago(minute * MINUTE), 100, now);
    const minuteKeys = await redis.keys(`${prefix}vel:{ip:*}:m`);
    const sizes = await Promise.all(minuteKeys.map((key) => redis.hlen(key)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(132);
    const features = await store.read(busy, now);
    expect(features['velocity.ip.count_1h']).toBe(60);
    expect(features['velocity.ip.count_24h']).toBe(600);
  });
});
