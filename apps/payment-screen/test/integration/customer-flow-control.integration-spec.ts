import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { freePort, pollUntil, ServiceProcess } from '@kessai/shared-testing';
import { hiddenField, PageClient } from '../support/page-client';
import { PaymentScreenStack } from '../support/payment-screen-stack';

// Per merchant: 1 customer request/s, 20 at once after a quiet spell, half of it (10) kept for payments. A slow
// rate keeps the bounds below true on a busy machine, where a burst of requests spreads over seconds.
const RATE = 1;
const LIMITS = {
  PAYMENT_FLOW_RATE_PER_SECOND: String(RATE),
  PAYMENT_FLOW_BURST_MULTIPLE: '20',
  PAYMENT_FLOW_CONCURRENCY: '1000',
  PAYMENT_FLOW_RESERVED_PERCENT: '50',
  PAYMENT_FLOW_RETRY_AFTER_JITTER_SECONDS: '0',
};

describe("the payment screen's customers, protected per merchant", () => {
  const stack = new PaymentScreenStack('payment-customer-flow');
  const merchantB = `merchant-b-${randomUUID().slice(0, 8)}`;
  const extra: ServiceProcess[] = [];

  beforeAll(() => stack.start({ ...LIMITS, PAYMENT_FLOW_KEY_PREFIX: `${stack.namespace.id}:` }));
  afterAll(async () => {
    await Promise.all(extra.map((service) => service.stop('SIGKILL')));
    await stack.stop();
  });

  /** Another payment-screen instance on the same schema, whose flow control uses `env`. */
  const startInstance = async (env: Record<string, string>): Promise<ServiceProcess> => {
    const instance = new ServiceProcess(
      'payment-screen',
      await freePort(),
      stack.namespace.serviceEnvironment('payment', { ...LIMITS, PAYMENT_PROCESSOR_URL: stack.processor.baseUrl, ...env }),
    ).start();
    extra.push(instance);
    await instance.waitUntilReady();
    return instance;
  };

  it("turns away a burst on merchant A's payment pages with a clear page while merchant B's customers are served", async () => {
    const billsOfA = await Promise.all([1, 2, 3].map(() => stack.createBill()));
    const billsOfB = await Promise.all([1, 2].map(() => stack.createBill({ merchantId: merchantB })));

    const startedAt = Date.now();
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(billsOfA[i % 3].url)));
    const servedB = await Promise.all(Array.from({ length: 8 }, (_, i) => fetch(billsOfB[i % 2].url)));
    const elapsedSeconds = (Date.now() - startedAt) / 1000;

    const served = burst.filter((response) => response.status === 200).length;
    const turnedAway = burst.filter((response) => response.status === 429 || response.status === 503);
    // The standard share at once, plus what the rate refilled while the burst lasted.
    expect(served).toBeLessThanOrEqual(10 + Math.ceil(elapsedSeconds * RATE) + 1);
    expect(turnedAway.length).toBe(60 - served);
    expect(servedB.map((response) => response.status)).toEqual(Array(8).fill(200));

    const busy = turnedAway[0];
    expect(busy.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(busy.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(busy.headers.get('x-kessai-throttle-reason')).toMatch(/^(shed|merchant-rate)$/);
    expect(busy.headers.get('content-security-policy')).toContain(`default-src 'none'`);
    const html = await busy.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('ただいま混み合っています');
    expect(html).toContain('This page is busy right now');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<meta http-equiv="refresh" content="${busy.headers.get('retry-after')}">`);
    const nonce = /style-src 'nonce-([^']+)'/.exec(busy.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);
    await Promise.all([...burst, ...servedB].filter((response) => response !== busy).map((response) => response.body?.cancel()));

    // Merchant A's customers are served again once the burst is over.
    await pollUntil('merchant A served again', async () => (await fetch(billsOfA[0].url)).status === 200, { timeoutMs: 20_000, intervalMs: 250 });
  });

  it('answers in English to a customer who chose English, and sends a refused payment back to the bill without resubmitting it', async () => {
    // A processor that never answers holds two payments in flight: the merchant's whole concurrency (2).
    const silent = await silentProcessor();
    let held: Promise<unknown>[] = [];
    try {
      const instance = await startInstance({
        PAYMENT_PROCESSOR_URL: silent.url,
        PAYMENT_PROCESSOR_TIMEOUT_MS: '60000',
        PAYMENT_FLOW_LEASE_MS: '120000',
        PAYMENT_FLOW_RATE_PER_SECOND: '1000',
        PAYMENT_FLOW_CONCURRENCY: '2',
      });
      const payer = async (lang = 'ja') => {
        const bill = await stack.createBill();
        const customer = new PageClient();
        const page = await customer.get(`${instance.baseUrl}/p/${bill.token}?lang=${lang}`);
        expect(page.status).toBe(200);
        return { bill, customer, url: `${instance.baseUrl}/p/${bill.token}`, form: { _csrf: hiddenField(page.html, '_csrf'), attemptKey: hiddenField(page.html, 'attemptKey'), chain: 'lawson' } };
      };
      const [first, second, target] = [await payer(), await payer(), await payer('en')];
      held = [first, second].map(({ customer, url, form }) => customer.post(`${url}/konbini`, form).catch(() => undefined));
      // Both payments are in flight once even a request of a payment under way finds no capacity left.
      await pollUntil('both payments waiting at the processor', () => silent.requests() >= 2);

      const busyEn = await target.customer.get(target.url);
      expect(busyEn.status).toBe(429);
      expect(busyEn.html).toContain('<html lang="en">');
      expect(busyEn.html).toContain('This page is busy right now');

      const refused = await target.customer.post(`${target.url}/konbini`, target.form);
      expect(refused.status).toBe(429);
      expect(refused.html).toContain('Your payment was not taken');
      expect(refused.html).toContain('nothing was charged');
      expect(refused.html).toContain(`href="/p/${target.bill.token}"`);
      expect(refused.html).not.toContain('http-equiv="refresh"');
      expect(await stack.attempts(target.bill.billId)).toEqual([]);
    } finally {
      await silent.close();
      await Promise.all(held);
    }
  });

  it('still takes payment submissions when page loads of the same merchant are shed', async () => {
    const bill = await stack.createBill();
    const customer = new PageClient();
    await pollUntil('the merchant has capacity again', async () => (await customer.get(bill.url)).status === 200, { timeoutMs: 20_000, intervalMs: 250 });
    const page = await customer.get(bill.url);
    const form = { _csrf: hiddenField(page.html, '_csrf'), attemptKey: hiddenField(page.html, 'attemptKey'), chain: 'lawson' };

    // Page loads use up the standard share (10 of 20) and the rest of them is shed...
    const loads = await Promise.all(Array.from({ length: 30 }, () => fetch(bill.url)));
    expect(loads.filter((response) => response.status === 503).length).toBeGreaterThan(0);
    await Promise.all(loads.map((response) => response.body?.cancel()));
    // ...while the customer who pays still gets through, on the share kept for payments.
    const paid = await customer.post(`${bill.url}/konbini`, form);
    expect(paid.status).toBe(303);
    expect(await stack.attempts(bill.billId)).toHaveLength(1);
  });

  it('fails closed with Redis unreachable when so configured: a 503 page at once, no hang', async () => {
    const instance = await startInstance({ PAYMENT_FLOW_REDIS_URL: 'redis://127.0.0.1:1', PAYMENT_FLOW_REDIS_FAILURE_MODE: 'closed' });
    const bill = await stack.createBill();
    const response = await fetch(`${instance.baseUrl}/p/${bill.token}`, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(503);
    expect(response.headers.get('x-kessai-throttle-reason')).toBe('flow-control-unavailable');
    expect(await response.text()).toContain('ただいま混み合っています');
  });

  it('fails open with Redis unreachable by default, bounded by a per-instance share of the limits', async () => {
    const instance = await startInstance({ PAYMENT_FLOW_REDIS_URL: 'redis://127.0.0.1:1', PAYMENT_FLOW_LOCAL_SHARE_PERCENT: '50' });
    const bill = await stack.createBill();
    const startedAt = Date.now();
    const burst = await Promise.all(Array.from({ length: 30 }, () => fetch(`${instance.baseUrl}/p/${bill.token}`, { signal: AbortSignal.timeout(15_000) })));
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    const served = burst.filter((response) => response.status === 200).length;
    await Promise.all(burst.map((response) => response.body?.cancel()));
    // This instance alone admits half of everything: 5 at once of the standard share, then 0.5 per second.
    expect(served).toBeGreaterThanOrEqual(1);
    expect(served).toBeLessThanOrEqual(5 + Math.ceil(elapsedSeconds * RATE * 0.5) + 1);
    expect(burst.filter((response) => response.status === 429 || response.status === 503)).toHaveLength(30 - served);
  });
});

/** A TCP server that accepts connections and never answers: a processor that hangs. */
async function silentProcessor(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => (requests += 1));
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
