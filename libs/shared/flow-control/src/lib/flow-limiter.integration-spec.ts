import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { createRedisClient } from '@kessai/shared-redis';
import { TEST_REDIS_URL } from '@kessai/shared-testing';
import { FlowLimiter } from './flow-limiter';
import { FlowDecision, FlowLease, FlowRule } from './flow-rule';

describe('FlowLimiter on Redis', () => {
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  const limiter = (overrides: Partial<ConstructorParameters<typeof FlowLimiter>[1]> = {}, client: Redis = redis) =>
    new FlowLimiter(client, { keyPrefix: prefix, leaseMs: 2000, failureMode: 'closed', localShare: 1, ...overrides });
  const rule = (overrides: Partial<FlowRule> = {}): FlowRule => ({
    subject: `{m:${randomBytes(4).toString('hex')}}`,
    ratePerSecond: 0,
    burstMultiple: 1,
    concurrency: 0,
    reservedShare: 0,
    shadow: false,
    ...overrides,
  });

  beforeAll(async () => {
    redis = createRedisClient(TEST_REDIS_URL, 'flow-limiter-spec');
    await new Promise((resolve) => redis.once('ready', resolve));
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('admits up to the concurrency limit and rejects the next one until a lease is released', async () => {
    const flow = limiter();
    const r = rule({ concurrency: 3 });
    const held = await Promise.all([1, 2, 3].map(() => flow.acquire([r])));
    expect(held.every((d) => d.admitted)).toBe(true);
    const fourth = await flow.acquire([r]);
    expect(fourth).toMatchObject({ admitted: false, rejectedBy: 'concurrency', rejectedRule: 0 });
    await flow.release(held[0].lease as FlowLease);
    expect((await flow.acquire([r])).admitted).toBe(true);
  });

  it('reads the current use of rules, as every instance sees it, without taking anything', async () => {
    const flow = limiter();
    const other = limiter();
    const r = rule({ concurrency: 4, ratePerSecond: 10, burstMultiple: 1 });
    const idle = rule({ concurrency: 2, ratePerSecond: 5 });
    const held = [await flow.acquire([r]), await other.acquire([r])];
    const [used, untouched] = await flow.usage([r, idle]);
    expect(used).toMatchObject({ inFlight: 2, concurrencyUsage: 0.5 });
    // two requests at 10/s with a 1 s burst window: about 0.2 of it is taken
    expect(used.rateUsage).toBeGreaterThan(0.1);
    expect(used.rateUsage).toBeLessThanOrEqual(0.2);
    expect(untouched).toMatchObject({ inFlight: 0, concurrencyUsage: 0, rateUsage: 0 });
    expect((await flow.usage([r]))[0].inFlight).toBe(2);
    await flow.release(held[0].lease as FlowLease);
    expect((await other.usage([r]))[0].inFlight).toBe(1);
  });

  it('releases idempotently: a second release frees no second slot', async () => {
    const flow = limiter();
    const r = rule({ concurrency: 2 });
    const first = await flow.acquire([r]);
    await flow.acquire([r]);
    await flow.release(first.lease as FlowLease);
    await flow.release(first.lease as FlowLease);
    expect((await flow.acquire([r])).admitted).toBe(true);
    expect((await flow.acquire([r])).admitted).toBe(false);
  });

  it('gives back the slot of a lease never released once the lease time has passed', async () => {
    const flow = limiter({ leaseMs: 300 });
    const r = rule({ concurrency: 1 });
    expect((await flow.acquire([r])).admitted).toBe(true);
    expect((await flow.acquire([r])).admitted).toBe(false);
    await sleep(350);
    expect((await flow.acquire([r])).admitted).toBe(true);
  });

  it('admits a burst of burstMultiple × rate at once, then rejects with a retry time', async () => {
    const flow = limiter();
    const r = rule({ ratePerSecond: 10, burstMultiple: 2 });
    const decisions = [];
    for (let i = 0; i < 25; i += 1) decisions.push(await flow.acquire([r]));
    const admitted = decisions.filter((d) => d.admitted).length;
    expect(admitted).toBeGreaterThanOrEqual(20);
    expect(admitted).toBeLessThanOrEqual(21);
    const rejection = decisions.find((d) => !d.admitted) as FlowDecision;
    expect(rejection).toMatchObject({ rejectedBy: 'rate', shed: false });
    expect(rejection.retryAfterMs).toBeGreaterThan(0);
    expect(rejection.retryAfterMs).toBeLessThanOrEqual(100);
  });

  it('sheds standard requests first and keeps the reserved share for priority ones', async () => {
    const flow = limiter();
    const r = rule({ concurrency: 10, reservedShare: 0.2 });
    for (let i = 0; i < 8; i += 1) expect((await flow.acquire([r], 'standard')).admitted).toBe(true);
    const shed = await flow.acquire([r], 'standard');
    expect(shed).toMatchObject({ admitted: false, shed: true, rejectedBy: 'concurrency' });
    expect((await flow.acquire([r], 'priority')).admitted).toBe(true);
    expect((await flow.acquire([r], 'priority')).admitted).toBe(true);
    expect(await flow.acquire([r], 'priority')).toMatchObject({ admitted: false, shed: false });
  });

  it('counts but admits what a rule in shadow mode would reject', async () => {
    const flow = limiter();
    const r = rule({ concurrency: 1, shadow: true });
    await flow.acquire([r]);
    const second = await flow.acquire([r]);
    expect(second.admitted).toBe(true);
    expect(second.usage[0].shadowRejectedBy).toBe('concurrency');
  });

  it('takes no slot from any rule when one of them rejects', async () => {
    const flow = limiter();
    const merchant = rule({ concurrency: 5 });
    const method = rule({ concurrency: 1 });
    expect((await flow.acquire([merchant, method])).admitted).toBe(true);
    const rejected = await flow.acquire([merchant, method]);
    expect(rejected).toMatchObject({ admitted: false, rejectedRule: 1 });
    expect(rejected.usage[0].inFlight).toBe(1);
  });

  describe('remembering rate rejections', () => {
    /** A limiter whose Redis calls are counted. */
    const counted = async () => {
      const client = createRedisClient(TEST_REDIS_URL, 'flow-limiter-spec-counted');
      await new Promise((resolve) => client.once('ready', resolve));
      const flow = limiter({}, client);
      const calls = { acquire: 0 };
      const acquire = (client as unknown as { kessaiFlowAcquire: (...args: unknown[]) => Promise<number[]> }).kessaiFlowAcquire.bind(client);
      (client as unknown as { kessaiFlowAcquire: unknown }).kessaiFlowAcquire = (...args: unknown[]) => {
        calls.acquire += 1;
        return acquire(...args);
      };
      return { flow, calls, client };
    };

    it('answers the rejections of a rule over its rate without Redis until its retry time, then asks Redis again', async () => {
      const { flow, calls, client } = await counted();
      try {
        const r = rule({ ratePerSecond: 4, burstMultiple: 1 });
        const decisions: FlowDecision[] = [];
        for (let i = 0; i < 20; i += 1) decisions.push(await flow.acquire([r]));
        expect(decisions.filter((d) => d.admitted)).toHaveLength(4);
        expect(decisions.slice(4).every((d) => d.rejectedBy === 'rate' && d.retryAfterMs > 0)).toBe(true);
        // 4 admitted and the first rejection went to Redis; the other 15 rejections were answered here.
        expect(calls.acquire).toBe(5);
        await sleep(decisions[19].retryAfterMs + 20);
        expect((await flow.acquire([r])).admitted).toBe(true);
        expect(calls.acquire).toBe(6);
      } finally {
        client.disconnect();
      }
    });

    it('never answers from memory what Redis would have admitted: a changed limit, a priority request, another rule', async () => {
      const { flow, calls, client } = await counted();
      try {
        const r = rule({ ratePerSecond: 2, burstMultiple: 2, reservedShare: 0.5 });
        for (let i = 0; i < 3; i += 1) await flow.acquire([r]);
        expect((await flow.acquire([r])).shed).toBe(true);
        const before = calls.acquire;
        expect((await flow.acquire([r], 'priority')).admitted).toBe(true);
        expect((await flow.acquire([{ ...r, ratePerSecond: 100, burstMultiple: 100 }])).admitted).toBe(true);
        expect((await flow.acquire([rule({ ratePerSecond: 2 })])).admitted).toBe(true);
        expect(calls.acquire).toBe(before + 3);
      } finally {
        client.disconnect();
      }
    });
  });

  describe('with Redis unreachable', () => {
    let down: Redis;
    beforeAll(() => {
      down = createRedisClient('redis://127.0.0.1:1', 'flow-limiter-spec-down', { commandTimeout: 100 });
      down.on('error', () => undefined);
    });
    afterAll(() => down.disconnect());

    it('rejects at once when failing closed', async () => {
      const started = Date.now();
      const decision = await limiter({ failureMode: 'closed' }, down).acquire([rule({ concurrency: 5 })]);
      expect(decision).toMatchObject({ admitted: false, degraded: 'fail-closed' });
      expect(Date.now() - started).toBeLessThan(500);
    });

    it('admits up to its local share of the limit when failing open', async () => {
      const flow = limiter({ failureMode: 'open', localShare: 0.5 }, down);
      const r = rule({ concurrency: 4 });
      const decisions = [];
      for (let i = 0; i < 4; i += 1) decisions.push(await flow.acquire([r]));
      expect(decisions.map((d) => d.admitted)).toEqual([true, true, false, false]);
      expect(decisions[0].degraded).toBe('fail-open');
      await flow.release(decisions[0].lease as FlowLease);
      expect((await flow.acquire([r])).admitted).toBe(true);
    });
  });
});
