import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { AdminClient, startGateway } from './gateway-helpers';

const SCREENING_OPERATOR_TOKEN = 'gateway-isolation-screening-operator';
const PAYMENT_OPERATOR_TOKEN = 'gateway-isolation-payment-operator';

/** What the recurring engine's endpoints under /recurring/ would see: recorded per request. */
class RecordingUpstream {
  readonly seen: { method: string; url: string; headers: IncomingHttpHeaders; bytes: number }[] = [];
  private server?: Server;

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes: 0 };
      this.seen.push(seen);
      req.on('data', (chunk: Buffer) => (seen.bytes += chunk.length));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ shop: req.headers['x-kessai-merchant-id'] }));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('merchant isolation through the gateway, for every routed service', () => {
  const namespace = new TestNamespace('gateway-isolation');
  const recurring = new RecordingUpstream();
  let payment: ServiceProcess;
  let screening: ServiceProcess;
  let gateway: ServiceProcess;
  let keyA: string;
  let keyB: string;

  const call = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const screeningOperator = (method: string, path: string, body?: unknown) =>
    fetch(`${screening.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${SCREENING_OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    payment = new ServiceProcess(
      'payment-screen',
      await freePort(),
      namespace.serviceEnvironment('payment', { LOG_LEVEL: 'warn', PAYMENT_OPERATOR_TOKEN, PAYMENT_PROCESSOR_URL: `http://127.0.0.1:${await freePort()}` }),
    ).start();
    screening = new ServiceProcess(
      'credit-screening',
      await freePort(),
      namespace.serviceEnvironment('screening', { LOG_LEVEL: 'warn', SCREENING_OPERATOR_TOKEN, VELOCITY_KEY_PREFIX: `${namespace.id}:`, DECISION_RECORDER_FLUSH_MS: '50' }),
    ).start();
    const recurringUrl = await recurring.start();
    await Promise.all([payment.waitUntilReady(), screening.waitUntilReady()]);
    gateway = await startGateway(namespace, {
      BILLING_REQUESTS_URL: `http://127.0.0.1:${await freePort()}`,
      PAYMENT_SCREEN_URL: payment.baseUrl,
      CREDIT_SCREENING_URL: screening.baseUrl,
      RECURRING_ENGINE_URL: recurringUrl,
    });
    await gateway.waitUntilReady();
    const admin = new AdminClient(gateway.baseUrl);
    keyA = (await admin.issueKey('shop-a')).secret;
    keyB = (await admin.issueKey('shop-b')).secret;

    const published = await screeningOperator('POST', '/rule-sets', { rules: [{ id: 'review-large', action: 'review', when: 'amount >= 100000' }], note: 'isolation' });
    expect(published.status).toBe(201);
    const { version } = (await published.json()) as { version: number };
    expect((await screeningOperator('POST', `/rule-sets/${version}/activate`)).status).toBe(204);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop('SIGKILL'), payment?.stop('SIGKILL'), screening?.stop('SIGKILL'), recurring.stop()]);
    await namespace.cleanUp();
  });

  describe('payment pages (payment-screen)', () => {
    it("keeps each merchant's branding its own, even when the other forges x-kessai-merchant-id", async () => {
      const saved = await call(keyA, 'PUT', '/payment-pages/branding', { displayName: 'Shop A 本店', primaryColor: '#004d40' });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ merchantId: 'shop-a', displayName: 'Shop A 本店' });

      const readByB = await call(keyB, 'GET', '/payment-pages/branding', undefined, { 'x-kessai-merchant-id': 'shop-a' });
      expect(readByB.status).toBe(200);
      expect(await readByB.json()).toMatchObject({ merchantId: 'shop-b', displayName: null, primaryColor: null });

      const overwrittenByB = await call(keyB, 'PUT', '/payment-pages/branding', { displayName: 'Hijacked' }, { 'x-kessai-merchant-id': 'shop-a' });
      expect(await overwrittenByB.json()).toMatchObject({ merchantId: 'shop-b', displayName: 'Hijacked' });
      expect(await (await call(keyA, 'GET', '/payment-pages/branding')).json()).toMatchObject({ merchantId: 'shop-a', displayName: 'Shop A 本店', primaryColor: '#004d40' });
    });

    it("does not expose the payment screen's operator API through the gateway", async () => {
      const response = await call(keyB, 'PUT', '/operator/merchants/shop-a/page-template', { template: '<p>x</p>' }, { authorization: `Bearer ${PAYMENT_OPERATOR_TOKEN}` });
      expect(response.status).toBe(404);
      expect((await call(keyA, 'GET', '/payment-pages/branding')).status).toBe(200);
    });
  });

  describe('screening decisions (credit-screening)', () => {
    it("answers a merchant's decision, and never shows it to another merchant", async () => {
      const decided = await call(keyA, 'POST', '/decisions', { paymentRef: `pay-${randomUUID()}`, amount: 120_000, currency: 'JPY', paymentMethod: 'card' });
      expect(decided.status).toBe(200);
      const decision = (await decided.json()) as { decisionId: string; decision: string };
      expect(decision.decision).toBe('review');

      const stored = await pollUntil('decision stored', async () => {
        const response = await call(keyA, 'GET', `/decisions/${decision.decisionId}`);
        return response.status === 200 ? ((await response.json()) as { merchantId: string }) : undefined;
      });
      expect(stored.merchantId).toBe('shop-a');

      for (const headers of [{}, { 'x-kessai-merchant-id': 'shop-a' }] as Record<string, string>[]) {
        const asB = await call(keyB, 'GET', `/decisions/${decision.decisionId}`, undefined, headers);
        expect(asB.status).toBe(404);
        expect(await asB.json()).toMatchObject({ error: { code: 'SCREENING_DECISION_NOT_FOUND' } });
      }
    });

    it('does not expose rule sets, lists or outcomes (the operator API) through the gateway', async () => {
      for (const [method, path] of [['POST', '/rule-sets'], ['GET', '/rule-sets'], ['POST', '/outcomes'], ['GET', '/lists/merchant']]) {
        const response = await call(keyA, method, path, method === 'POST' ? {} : undefined, { authorization: `Bearer ${SCREENING_OPERATOR_TOKEN}` });
        expect(response.status).toBe(404);
      }
    });
  });

  describe('everything under /recurring/ (recurring-engine)', () => {
    it('forwards every method under /recurring/ with the shop of the API key, never the one a client sends', async () => {
      recurring.seen.length = 0;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await call(keyB, method, '/recurring/members/m-1?cycle=2026-12', method === 'GET' || method === 'DELETE' ? undefined : { amount: 1000 }, {
          'x-kessai-merchant-id': 'shop-a',
          'x-kessai-key-mode': 'live',
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ shop: 'shop-b' });
      }
      expect(recurring.seen.map(({ method, url }) => `${method} ${url}`)).toEqual(
        ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => `${method} /recurring/members/m-1?cycle=2026-12`),
      );
      for (const { headers } of recurring.seen) {
        expect(headers['x-kessai-merchant-id']).toBe('shop-b');
        expect(headers['x-kessai-key-mode']).toBe('test');
        expect(headers.authorization).toBeUndefined();
      }
    });

    it('streams a charge file larger than the gateway would buffer to the engine, with the shop of the key', async () => {
      recurring.seen.length = 0;
      const file = Buffer.alloc(3 * 1024 * 1024, 'member-1,1000,JPY\n');
      const response = await fetch(`${gateway.baseUrl}/recurring/files?cycle=2026-12`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keyA}`, 'content-type': 'text/csv', 'x-kessai-merchant-id': 'shop-b' },
        body: file,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ shop: 'shop-a' });
      expect(recurring.seen).toEqual([expect.objectContaining({ method: 'POST', url: '/recurring/files?cycle=2026-12', bytes: file.length })]);
    });

    it("refuses paths that would leave /recurring/, and the engine's operator jobs API, without forwarding them", async () => {
      recurring.seen.length = 0;
      // Sent as written (fetch would resolve the dot segments itself before sending).
      for (const path of ['/recurring/../jobs/generate-charges/executions', '/recurring/%2e%2e/shops/shop-a', '/recurring/a%2F..%2F..%2Fjobs', '/jobs/generate-charges/executions', '/shops/shop-a']) {
        expect(await rawStatus(gateway.baseUrl, 'POST', path, keyA)).toBe(404);
      }
      expect(recurring.seen).toEqual([]);
    });

    it('refuses a request under /recurring/ without a valid API key before it reaches the engine', async () => {
      recurring.seen.length = 0;
      const response = await fetch(`${gateway.baseUrl}/recurring/members`, { headers: { 'x-kessai-merchant-id': 'shop-a' } });
      expect(response.status).toBe(401);
      expect(recurring.seen).toEqual([]);
    });
  });

  it('documents the routes of every service and the /recurring/ prefix in the one OpenAPI document', async () => {
    const document = (await (await fetch(`${gateway.baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown>; 'x-kessai-routed-prefixes': { prefix: string }[] };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/bills', '/payment-pages/branding', '/decisions', '/decisions/{decisionId}']));
    expect(document['x-kessai-routed-prefixes']).toEqual([expect.objectContaining({ prefix: '/recurring', service: 'recurring-engine' })]);
  });
});

/** The status of a request whose path goes out exactly as written. */
function rawStatus(baseUrl: string, method: string, path: string, key: string): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}
