import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { AdminClient, newBill, policy, startGateway } from './gateway-helpers';

/** A billing upstream that holds each request for a while and counts how many are in flight at once. */
class SlowUpstream {
  inFlight = 0;
  maxInFlightByMerchant = new Map<string, number>();
  private inFlightByMerchant = new Map<string, number>();
  readonly server: Server;
  release: (() => void)[] = [];
  holdMs = 150;
  hold = false;

  constructor() {
    this.server = createServer((req, res) => {
      const merchant = String(req.headers['x-kessai-merchant-id']);
      const now = (this.inFlightByMerchant.get(merchant) ?? 0) + 1;
      this.inFlightByMerchant.set(merchant, now);
      this.maxInFlightByMerchant.set(merchant, Math.max(now, this.maxInFlightByMerchant.get(merchant) ?? 0));
      req.resume();
      const done = () => {
        this.inFlightByMerchant.set(merchant, (this.inFlightByMerchant.get(merchant) ?? 1) - 1);
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ merchant }));
      };
      if (this.hold) this.release.push(done);
      else setTimeout(done, this.holdMs);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  inFlightOf(merchant: string): number {
    return this.inFlightByMerchant.get(merchant) ?? 0;
  }
}

describe('throttle-gateway flow control across instances', () => {
  const namespace = new TestNamespace('gateway-flow-control');
  const upstream = new SlowUpstream();
  const started: ServiceProcess[] = [];
  let gateways: ServiceProcess[];
  let admin: AdminClient;
  let upstreamUrl: string;

  const post = (gateway: ServiceProcess, key: string, body: unknown = newBill()) =>
    fetch(`${gateway.baseUrl}/bills`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const start = async (extra: Record<string, string> = {}) => {
    const gateway = await startGateway(namespace, { BILLING_REQUESTS_URL: upstreamUrl, ...extra });
    started.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    upstreamUrl = await upstream.start();
    gateways = [await start(), await start()];
    await Promise.all(gateways.map((g) => g.waitUntilReady()));
    admin = new AdminClient(gateways[0].baseUrl);
  });

  afterAll(async () => {
    await Promise.all(started.map((g) => g.stop('SIGKILL')));
    upstream.server.close();
    await namespace.cleanUp();
  });

  it('shows a merchant\'s current use of its limits across both instances, and only that merchant\'s', async () => {
    const usageOf = async (gateway: ServiceProcess, merchant: string) =>
      (await (await new AdminClient(gateway.baseUrl).call('GET', `/admin/merchants/${merchant}/limits/usage`)).json()) as {
        merchant: { inFlight: number; concurrency: number; concurrencyUsage: number; ratePerSecond: number; rateUsage: number };
        paymentMethods: Record<string, { inFlight: number }>;
      };
    const key = (await admin.issueKey('usage-a')).secret;
    await admin.setLimits('usage-a', { merchant: policy({ concurrency: 10, ratePerSecond: 10, burstMultiple: 1 }), paymentMethods: { card: policy({ concurrency: 8 }), wallet: policy({ concurrency: 2 }) } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    upstream.hold = true;
    const pending = [post(gateways[0], key), post(gateways[0], key), post(gateways[0], key), post(gateways[1], key), post(gateways[1], key)];
    try {
      await pollUntil('5 requests held upstream', () => upstream.inFlightOf('usage-a') === 5);
      const busy = await usageOf(gateways[1], 'usage-a');
      expect(busy.merchant).toMatchObject({ inFlight: 5, concurrency: 10, concurrencyUsage: 0.5, ratePerSecond: 10 });
      // 5 requests at 10/s fill half of a 1 s burst window, minus the time since they came
      expect(busy.merchant.rateUsage).toBeGreaterThan(0);
      expect(busy.merchant.rateUsage).toBeLessThanOrEqual(0.5);
      // the bills allow card payment: the card limit holds them too, the wallet limit nothing
      expect(busy.paymentMethods).toEqual({
        card: expect.objectContaining({ inFlight: 5, concurrency: 8, concurrencyUsage: 0.625 }),
        wallet: expect.objectContaining({ inFlight: 0, concurrency: 2 }),
      });
      expect((await usageOf(gateways[0], 'usage-b-idle')).merchant.inFlight).toBe(0);
    } finally {
      upstream.hold = false;
      upstream.release.splice(0).forEach((done) => done());
      await Promise.all(pending);
    }
    expect((await usageOf(gateways[0], 'usage-a')).merchant.inFlight).toBe(0);
    expect((await admin.call('GET', '/admin/merchants/usage-a/limits/usage', undefined, 'wrong-token')).status).toBe(401);
  });

  it('never lets more than merchant A\'s concurrency limit in flight downstream during a 100x burst over two instances, while merchant B gets through', async () => {
    const keyA = (await admin.issueKey('burst-a')).secret;
    const keyB = (await admin.issueKey('burst-b')).secret;
    await admin.setLimits('burst-a', { merchant: policy({ concurrency: 5, ratePerSecond: 1000, burstMultiple: 2 }) });
    await admin.setLimits('burst-b', { merchant: policy({ concurrency: 50, ratePerSecond: 1000, burstMultiple: 2 }) });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const burstA = Array.from({ length: 500 }, (_, i) => post(gateways[i % 2], keyA));
    const trafficB = Array.from({ length: 20 }, (_, i) => post(gateways[i % 2], keyB));
    const [a, b] = await Promise.all([Promise.all(burstA), Promise.all(trafficB)]);

    expect(upstream.maxInFlightByMerchant.get('burst-a')).toBeLessThanOrEqual(5);
    expect(upstream.maxInFlightByMerchant.get('burst-a')).toBeGreaterThanOrEqual(2);
    const statusesA = a.map((r) => r.status);
    expect(statusesA.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(statusesA.filter((s) => s === 429).length).toBeGreaterThan(300);
    expect(statusesA.every((s) => s === 201 || s === 429)).toBe(true);
    const rejected = a.find((r) => r.status === 429);
    expect(rejected?.headers.get('x-kessai-throttle-reason')).toBe('merchant-concurrency');
    expect(Number(rejected?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(b.map((r) => r.status)).toEqual(b.map(() => 201));
  });

  it('keeps the payment method limit apart from the merchant limit', async () => {
    const key = (await admin.issueKey('method-m')).secret;
    await admin.setLimits('method-m', { merchant: policy({ concurrency: 50 }), paymentMethods: { konbini: policy({ concurrency: 2 }) } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const konbini = await Promise.all(Array.from({ length: 20 }, (_, i) => post(gateways[i % 2], key, newBill({ allowedPaymentMethods: ['konbini'] }))));
    const card = await Promise.all(Array.from({ length: 10 }, (_, i) => post(gateways[i % 2], key, newBill({ allowedPaymentMethods: ['card'] }))));
    expect(konbini.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(konbini.find((r) => r.status === 429)?.headers.get('x-kessai-throttle-reason')).toBe('payment-method-concurrency');
    expect(card.map((r) => r.status)).toEqual(card.map(() => 201));
  });

  it('counts but admits in shadow mode', async () => {
    const key = (await admin.issueKey('shadow-s')).secret;
    await admin.setLimits('shadow-s', { merchant: policy({ concurrency: 1, shadow: true }) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => post(gateways[i % 2], key)));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    const metrics = (await Promise.all(gateways.map(async (g) => (await fetch(`${g.baseUrl}/metrics`)).text()))).join('\n');
    expect(metrics).toMatch(/throttle_shadow_rejected_total\{merchant="shadow-s",payment_method="\*",limit="concurrency"\} [1-9]/);
  });

  it('gives the capacity of a gateway killed with SIGKILL back within the lease time', async () => {
    const leaseMs = 2000;
    const crashing = await start({ FLOW_LEASE_MS: String(leaseMs), UPSTREAM_TIMEOUT_MS: '1500' });
    await crashing.waitUntilReady();
    const key = (await admin.issueKey('crash-c')).secret;
    await admin.setLimits('crash-c', { merchant: policy({ concurrency: 3 }) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    upstream.hold = true;
    const held = Array.from({ length: 3 }, () => post(crashing, key).catch(() => undefined));
    await pollUntil('three requests held at the upstream', () => upstream.inFlightOf('crash-c') === 3);
    expect((await post(gateways[0], key)).status).toBe(429);
    await crashing.stop('SIGKILL');
    const killedAt = Date.now();
    upstream.release.splice(0).forEach((done) => done());
    upstream.hold = false;
    await Promise.all(held);
    await pollUntil('capacity back', async () => (await post(gateways[0], key)).status === 201, { timeoutMs: leaseMs + 3000, intervalMs: 100 });
    expect(Date.now() - killedAt).toBeLessThanOrEqual(leaseMs + 500);
  });

  describe('with Redis unreachable', () => {
    const unreachable = { REDIS_URL: 'redis://127.0.0.1:1' };
    let failClosed: ServiceProcess;
    let failOpen: ServiceProcess;
    const waitUntilLive = (gateway: ServiceProcess) =>
      pollUntil(`${gateway.app} live`, async () => (await fetch(`${gateway.baseUrl}/health/live`)).status === 200, { timeoutMs: 60_000, intervalMs: 200 });
    const readiness = async (gateway: ServiceProcess) => {
      const response = await fetch(`${gateway.baseUrl}/health/ready`);
      return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, { status: string }> } };
    };

    beforeAll(async () => {
      [failClosed, failOpen] = await Promise.all([
        start({ ...unreachable, FLOW_REDIS_FAILURE_MODE: 'closed' }),
        start({ ...unreachable, FLOW_REDIS_FAILURE_MODE: 'open', FLOW_LOCAL_SHARE_PERCENT: '50' }),
      ]);
      await Promise.all([waitUntilLive(failClosed), waitUntilLive(failOpen)]);
    });

    it('fails closed at once with 503 when so configured', async () => {
      const key = (await admin.issueKey('down-closed')).secret;
      const startedAt = Date.now();
      const response = await post(failClosed, key);
      expect(Date.now() - startedAt).toBeLessThan(1000);
      expect(response.status).toBe(503);
      expect(response.headers.get('x-kessai-throttle-reason')).toBe('flow-control-unavailable');
      expect(await response.json()).toMatchObject({ error: { code: 'THROTTLE_FLOW_CONTROL_UNAVAILABLE' } });
    });

    it('fails open under its local share of the limit when so configured, without hanging', async () => {
      const key = (await admin.issueKey('down-open')).secret;
      await admin.setLimits('down-open', { merchant: policy({ concurrency: 8 }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const startedAt = Date.now();
      const responses = await Promise.all(Array.from({ length: 30 }, () => post(failOpen, key)));
      expect(Date.now() - startedAt).toBeLessThan(5000);
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(upstream.maxInFlightByMerchant.get('down-open')).toBeLessThanOrEqual(4);
    });

    it('stays ready when failing open, so the load balancer keeps the instance that still serves, and reports Redis down', async () => {
      const { status, body } = await readiness(failOpen);
      expect(body.checks.redis.status).toBe('down');
      expect(body.checks.database.status).toBe('up');
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
    });

    it('is not ready when failing closed, since it rejects every merchant request', async () => {
      const { status, body } = await readiness(failClosed);
      expect(body.checks.redis.status).toBe('down');
      expect(status).toBe(503);
    });
  });
});
