import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { PaymentPagesOptions } from '../payment-pages.options';
import { ProcessorClient } from './processor.client';

/** A proxy that answers for the processor itself, recording which host and path it was asked for. */
function proxyStandingInForTheProcessor(seen: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', `http://${req.headers.host}`);
    seen.push(`${req.method} ${target.host}${target.pathname}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ authorizationId: 'a-1', status: 'approved' }));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    server.emit('connection', socket);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const options = (extra: Partial<PaymentPagesOptions>): PaymentPagesOptions => ({
  publicUrl: 'https://pay.example',
  // Does not resolve: the processor is reachable only through the proxy.
  processorUrl: 'http://processor.invalid',
  processorBrowserUrl: 'http://processor.invalid',
  processorTimeoutMs: 2000,
  signingSecret: 'x'.repeat(16),
  csrfSecret: 'x'.repeat(16),
  operatorToken: 'x'.repeat(16),
  customerFlow: {
    redisUrl: 'redis://127.0.0.1:6379',
    redisTimeoutMs: 250,
    keyPrefix: 'test:',
    leaseMs: 15000,
    failureMode: 'open',
    localShare: 0.5,
    retryAfterJitterSeconds: 0,
    ratePerSecond: 0,
    burstMultiple: 1,
    concurrency: 0,
    reservedShare: 0,
  },
  ...extra,
});

describe('the processor client', () => {
  const seen: string[] = [];
  let proxy: Server;
  beforeAll(async () => (proxy = await proxyStandingInForTheProcessor(seen)));
  afterAll(() => new Promise((resolve) => proxy.close(resolve)));

  it('calls the processor through the egress proxy when one is configured', async () => {
    const client = new ProcessorClient(options({ egressProxy: { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, noProxy: '' } }));
    const result = await client.getAuthorization('a-1');
    await client.onModuleDestroy();
    expect(result).toEqual({ ok: true, body: { authorizationId: 'a-1', status: 'approved' } });
    expect(seen).toContain('GET processor.invalid/v1/authorizations/a-1');
  });

  it('goes direct without a proxy', async () => {
    const local = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const direct = new ProcessorClient(options({ processorUrl: `http://${local}` }));
    expect(await direct.getAuthorization('a-2')).toMatchObject({ ok: true });
    await direct.onModuleDestroy();
    expect(seen).toContain(`GET ${local}/v1/authorizations/a-2`);
    const unproxied = new ProcessorClient(options({}));
    expect(await unproxied.getAuthorization('a-3')).toMatchObject({ ok: false, code: 'PROCESSOR_UNREACHABLE' });
    await unproxied.onModuleDestroy();
  });
});
