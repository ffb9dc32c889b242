import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { AdminClient, newBill, policy, startGateway } from './gateway-helpers';

/** An upstream that records what reaches it and can hold requests until the test lets them go. */
class RecordingUpstream {
  readonly received: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  readonly held: (() => void)[] = [];
  hold = false;
  readonly server: Server = createServer((req, res) => {
    this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    const answer = () => res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'upstream-own-id' }).end(JSON.stringify({ id: randomUUID() }));
    if (this.hold) this.held.push(answer);
    else answer();
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

describe('throttle-gateway merchant API served in front of Nest', () => {
  const namespace = new TestNamespace('gateway-hot-path');
  const upstream = new RecordingUpstream();
  let gateway: ServiceProcess;
  let admin: AdminClient;
  let key: string;

  const post = (body: unknown, headers: Record<string, string> = {}, secret = key) =>
    fetch(`${gateway.baseUrl}/bills`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    gateway = await startGateway(namespace, { BILLING_REQUESTS_URL: await upstream.start(), LOG_LEVEL: 'info' });
    await gateway.waitUntilReady();
    admin = new AdminClient(gateway.baseUrl);
    key = (await admin.issueKey('hot-m')).secret;
  });

  afterAll(async () => {
    await gateway?.stop('SIGKILL');
    upstream.server.close();
    await namespace.cleanUp();
  });

  it('continues the caller\'s trace downstream and passes the request and correlation ids on', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await post(newBill(), { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-request-id': 'req-hot-trace', 'x-correlation-id': 'corr-hot-trace' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('req-hot-trace');
    expect(response.headers.get('x-correlation-id')).toBe('corr-hot-trace');
    const seen = upstream.received.find((r) => r.headers['x-request-id'] === 'req-hot-trace');
    expect(seen?.headers['x-correlation-id']).toBe('corr-hot-trace');
    expect(seen?.headers['x-kessai-merchant-id']).toBe('hot-m');
    expect(seen?.headers.authorization).toBeUndefined();
    const [, sentTraceId, parentSpanId] = String(seen?.headers.traceparent).split('-');
    expect(sentTraceId).toBe(traceId);
    expect(parentSpanId).not.toBe('00f067aa0ba902b7');
  });

  it('answers 409 to a duplicate sent while the first request is provably still in flight, then replays the first answer', async () => {
    const idempotencyKey = randomUUID();
    const body = newBill();
    const before = upstream.received.length;
    upstream.hold = true;
    const first = post(body, { 'idempotency-key': idempotencyKey });
    await pollUntil('the first request held at the upstream', () => upstream.held.length === 1);

    const duplicate = await post(body, { 'idempotency-key': idempotencyKey, 'x-request-id': 'req-hot-409' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('retry-after')).toBe('1');
    expect(await duplicate.json()).toEqual({
      error: { code: 'THROTTLE_IDEMPOTENT_REQUEST_IN_PROGRESS', message: expect.any(String), field: 'Idempotency-Key', requestId: 'req-hot-409' },
    });

    upstream.hold = false;
    upstream.held.splice(0).forEach((answer) => answer());
    const firstResponse = await first;
    expect(firstResponse.status).toBe(201);
    const firstBody = await firstResponse.json();
    const retry = await post(body, { 'idempotency-key': idempotencyKey });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(firstBody);
    expect(upstream.received.length - before).toBe(1);
  });

  it('rejects over the limit in the one error format with the request id, Retry-After and the reason, without reaching the upstream', async () => {
    const { secret } = await admin.issueKey('hot-limited');
    await admin.setLimits('hot-limited', { merchant: policy({ ratePerSecond: 0.1, burstMultiple: 10 }) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await post(newBill(), {}, secret)).status).toBe(201);
    const before = upstream.received.length;
    const rejected = await post(newBill(), { 'x-request-id': 'req-hot-429' }, secret);
    expect(rejected.status).toBe(429);
    expect(rejected.headers.get('x-request-id')).toBe('req-hot-429');
    expect(rejected.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(rejected.headers.get('x-kessai-throttle-reason')).toBe('merchant-rate');
    expect(rejected.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await rejected.json()).toEqual({
      error: { code: 'THROTTLE_MERCHANT_RATE_LIMITED', message: 'Too many requests (merchant-rate limit). Retry after Retry-After seconds.', requestId: 'req-hot-429' },
    });
    expect(upstream.received.length).toBe(before);
  });

  it('hands every other path to Nest: health, OpenAPI, metrics and unknown paths in the one error format', async () => {
    expect((await fetch(`${gateway.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${gateway.baseUrl}/openapi.json`)).status).toBe(200);
    expect(await (await fetch(`${gateway.baseUrl}/metrics`)).text()).toContain('throttle_admitted_total');
    const unknown = await fetch(`${gateway.baseUrl}/no-such-route`, { headers: { 'x-request-id': 'req-hot-404' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-request-id')).toBe('req-hot-404');
    expect(await unknown.json()).toMatchObject({ error: { requestId: 'req-hot-404' } });
    const otherMethod = await fetch(`${gateway.baseUrl}/bills`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    expect(otherMethod.status).toBe(404);
  });

  it('writes one access log line per merchant request with the request id, never the API key', async () => {
    expect((await post(newBill(), { 'x-request-id': 'req-hot-log' })).status).toBe(201);
    await pollUntil('the access log line', () => gateway.output.some((line) => line.includes('req-hot-log') && line.includes('request completed')));
    const lines = gateway.output.filter((line) => line.includes('req-hot-log'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      service: 'throttle-gateway',
      message: 'request completed',
      requestId: 'req-hot-log',
      merchantId: 'hot-m',
      req: { method: 'POST', url: '/bills' },
      res: { statusCode: 201 },
    });
    expect(gateway.output.join('\n')).not.toContain(key);
  });
});
