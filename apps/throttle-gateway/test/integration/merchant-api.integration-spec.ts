import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { AdminClient, ADMIN_TOKEN, newBill, policy, startGateway } from './gateway-helpers';

const execFileAsync = promisify(execFile);

describe('throttle-gateway in front of billing-requests', () => {
  const namespace = new TestNamespace('gateway-merchant-api');
  let billing: ServiceProcess;
  let gateway: ServiceProcess;
  let admin: AdminClient;
  let keyA: string;
  let keyB: string;

  const call = (key: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.baseUrl}${path}`, {
      method,
      headers: { ...(key && { authorization: `Bearer ${key}` }), ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    billing = new ServiceProcess('billing-requests', await freePort(), namespace.serviceEnvironment('billing', { LOG_LEVEL: 'warn' })).start();
    await billing.waitUntilReady();
    gateway = await startGateway(namespace, { BILLING_REQUESTS_URL: billing.baseUrl, MAX_REQUEST_BODY_BYTES: String(64 * 1024) });
    await gateway.waitUntilReady();
    admin = new AdminClient(gateway.baseUrl);
    keyA = (await admin.issueKey('merchant-a')).secret;
    keyB = (await admin.issueKey('merchant-b', 'live')).secret;
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop('SIGKILL'), billing?.stop('SIGKILL')]);
    await namespace.cleanUp();
  });

  it('creates and reads a bill through the gateway with a test key', async () => {
    const created = await call(keyA, 'POST', '/bills', newBill({ merchantBillNumber: 'GW-1' }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await call(keyA, 'GET', `/bills/${id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id, merchantBillNumber: 'GW-1', amount: 3300 });
  });

  it('does not let merchant B read merchant A\'s bill, even when B forges x-kessai-merchant-id', async () => {
    const { id } = (await (await call(keyA, 'POST', '/bills', newBill())).json()) as { id: string };
    const asB = await call(keyB, 'GET', `/bills/${id}`);
    expect(asB.status).toBe(404);
    const forged = await call(keyB, 'GET', `/bills/${id}`, undefined, { 'x-kessai-merchant-id': 'merchant-a' });
    expect(forged.status).toBe(404);
    expect(await forged.json()).toMatchObject({ error: { code: 'BILLING_BILL_NOT_FOUND' } });
  });

  it('creates a bill for the key\'s merchant, not for the one a forged header names', async () => {
    const created = await call(keyB, 'POST', '/bills', newBill(), { 'x-kessai-merchant-id': 'merchant-a' });
    const { id } = (await created.json()) as { id: string };
    const rows = await namespace.query<{ merchant_id: string }>(`SELECT merchant_id FROM "${namespace.schema('billing')}".bill WHERE id = $1`, [id]);
    expect(rows).toEqual([{ merchant_id: 'merchant-b' }]);
    expect((await call(keyA, 'GET', `/bills/${id}`)).status).toBe(404);
  });

  it('refuses a missing, malformed or unknown API key in the one error format with the request id', async () => {
    for (const key of [undefined, 'not-a-key', `kes_test_${'x'.repeat(43)}`]) {
      const response = await call(key, 'GET', `/bills/${randomUUID()}`, undefined, { 'x-request-id': 'req-gw-401' });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'THROTTLE_API_KEY_UNAUTHORIZED', message: expect.any(String), field: 'authorization', requestId: 'req-gw-401' },
      });
    }
  });

  it('passes on the service\'s validation error with the gateway\'s request id', async () => {
    const response = await call(keyA, 'POST', '/bills', newBill({ amount: 1.5 }), { 'x-request-id': 'req-gw-422' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'amount', requestId: 'req-gw-422' } });
  });

  it('streams a CSV of bills far larger than its body limit to billing-requests, then serves its errors and the export', async () => {
    // MAX_REQUEST_BODY_BYTES is 64 KiB for this gateway: an upload route streams, it does not buffer.
    const lines = ['merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods'];
    for (let i = 0; i < 3000; i += 1) lines.push(`GW-CSV-${i},${1000 + i},JPY,2099-06-30,card|konbini`);
    lines.push('GW-CSV-BAD,12.5,JPY,2099-06-30,card');
    const csv = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(64 * 1024);
    const upload = await fetch(`${gateway.baseUrl}/bill-imports`, { method: 'POST', headers: { authorization: `Bearer ${keyA}`, 'content-type': 'text/csv' }, body: csv });
    expect(upload.status).toBe(202);
    const result = (await upload.json()) as { id: string; accepted: number; rejected: number };
    expect(result).toMatchObject({ accepted: 3000, rejected: 1 });

    expect(await (await call(keyA, 'GET', `/bill-imports/${result.id}`)).json()).toMatchObject({ id: result.id, accepted: 3000 });
    const errors = await (await call(keyA, 'GET', `/bill-imports/${result.id}/errors.csv`)).text();
    expect(errors).toContain('amount');
    expect((await call(keyB, 'GET', `/bill-imports/${result.id}`)).status).toBe(404);

    const exported = await (await call(keyA, 'GET', '/bill-exports/bills.csv')).text();
    expect(exported).toContain('GW-CSV-2999');
    expect(await (await call(keyB, 'GET', '/bill-exports/bills.csv')).text()).not.toContain('GW-CSV-');
  });

  it('routes the rest of the bills API: list, cancel, webhook endpoint and deliveries, each for the key\'s merchant only', async () => {
    const { id } = (await (await call(keyA, 'POST', '/bills', newBill({ merchantBillNumber: 'GW-CANCEL' }))).json()) as { id: string };
    const listed = (await (await call(keyA, 'GET', '/bills?merchantBillNumber=GW-CANCEL')).json()) as { items: { id: string }[] };
    expect(listed.items.map((bill) => bill.id)).toEqual([id]);
    expect((await (await call(keyB, 'GET', '/bills?merchantBillNumber=GW-CANCEL')).json()) as unknown).toMatchObject({ items: [] });
    expect((await call(keyB, 'POST', `/bills/${id}/cancel`)).status).toBe(404);
    expect((await call(keyA, 'POST', `/bills/${id}/cancel`)).status).toBe(200);

    const endpoint = await call(keyA, 'PUT', '/webhook-endpoint', { url: 'https://merchant-a.example/webhooks' });
    expect(endpoint.status).toBe(200);
    expect(await endpoint.json()).toMatchObject({ secret: expect.stringMatching(/^whsec_/) });
    expect(await (await call(keyA, 'GET', '/webhook-endpoint')).json()).toMatchObject({ url: 'https://merchant-a.example/webhooks' });
    expect((await call(keyB, 'GET', '/webhook-endpoint')).status).toBe(404);
    expect((await call(keyA, 'GET', '/webhook-deliveries')).status).toBe(200);
  });

  it('stops a revoked key, and an old key after its rotation overlap, while the new key works', async () => {
    const first = await admin.issueKey('merchant-c');
    expect((await call(first.secret, 'GET', `/bills/${randomUUID()}`)).status).toBe(404);
    const rotated = (await (await admin.call('POST', `/admin/merchants/merchant-c/api-keys/${first.id}/rotate`, { overlapSeconds: 1 })).json()) as {
      newKey: { id: string; secret: string };
    };
    expect((await call(first.secret, 'GET', `/bills/${randomUUID()}`)).status).toBe(404);
    expect((await call(rotated.newKey.secret, 'GET', `/bills/${randomUUID()}`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect((await call(first.secret, 'GET', `/bills/${randomUUID()}`)).status).toBe(401);
    const revoked = await admin.call('POST', `/admin/merchants/merchant-c/api-keys/${rotated.newKey.id}/revoke`);
    expect(revoked.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call(rotated.newKey.secret, 'GET', `/bills/${randomUUID()}`)).status).toBe(401);
  });

  it('stores only the hash of a key and never shows it again', async () => {
    const issued = await admin.issueKey('merchant-d', 'live');
    expect(issued.secret).toMatch(/^kes_live_/);
    const rows = await namespace.query<{ key_hash: string }>(`SELECT key_hash FROM "${namespace.schema('throttle')}".api_key WHERE id = $1`, [issued.id]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await (await admin.call('GET', '/admin/merchants/merchant-d/api-keys')).text();
    expect(listed).toContain(issued.id);
    expect(listed).not.toContain(issued.secret);
  });

  it('refuses the admin API without the admin token, and another merchant\'s key id', async () => {
    expect((await admin.call('POST', '/admin/merchants/merchant-a/api-keys', { mode: 'test' }, 'wrong-token-wrong-token-wrong')).status).toBe(401);
    const other = await admin.issueKey('merchant-e');
    const response = await admin.call('POST', `/admin/merchants/merchant-a/api-keys/${other.id}/revoke`);
    expect(response.status).toBe(404);
    expect(ADMIN_TOKEN).not.toBe('');
  });

  describe('idempotency keys', () => {
    it('replays the first response to a retry with the same key and body', async () => {
      const key = randomUUID();
      const body = newBill();
      const first = await call(keyA, 'POST', '/bills', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const firstBody = await first.json();
      const retry = await call(keyA, 'POST', '/bills', body, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.json()).toEqual(firstBody);
    });

    it('refuses the same key with another body (422)', async () => {
      const key = randomUUID();
      expect((await call(keyA, 'POST', '/bills', newBill(), { 'idempotency-key': key })).status).toBe(201);
      const reused = await call(keyA, 'POST', '/bills', newBill(), { 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(await reused.json()).toMatchObject({ error: { code: 'THROTTLE_IDEMPOTENCY_KEY_REUSED_INVALID', field: 'Idempotency-Key' } });
    });

    it('keeps idempotency keys apart per merchant', async () => {
      const key = randomUUID();
      expect((await call(keyA, 'POST', '/bills', newBill(), { 'idempotency-key': key })).status).toBe(201);
      const otherMerchant = await call(keyB, 'POST', '/bills', newBill(), { 'idempotency-key': key });
      expect(otherMerchant.status).toBe(201);
      expect(otherMerchant.headers.get('idempotent-replayed')).toBeNull();
    });

    // The 409 itself is asserted deterministically (upstream held) in merchant-hot-path.integration-spec.ts.
    it('creates one bill however many duplicates with the same key arrive at once, each answered 201 or 409', async () => {
      const key = randomUUID();
      const body = newBill();
      const responses = await Promise.all([1, 2, 3, 4, 5].map(() => call(keyA, 'POST', '/bills', body, { 'idempotency-key': key })));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const bills = await namespace.query(`SELECT 1 FROM "${namespace.schema('billing')}".bill WHERE merchant_bill_number = $1`, [body.merchantBillNumber]);
      expect(bills).toHaveLength(1);
    });

    it('uses no rate quota for a replayed retry', async () => {
      const { secret } = await admin.issueKey('merchant-quota');
      await admin.setLimits('merchant-quota', { merchant: policy({ ratePerSecond: 0.2, burstMultiple: 5 }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const key = randomUUID();
      const body = newBill();
      expect((await call(secret, 'POST', '/bills', body, { 'idempotency-key': key })).status).toBe(201);
      for (let i = 0; i < 5; i += 1) {
        const retry = await call(secret, 'POST', '/bills', body, { 'idempotency-key': key });
        expect(retry.status).toBe(201);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
      }
      const fresh = await call(secret, 'POST', '/bills', newBill());
      expect(fresh.status).toBe(429);
      expect(fresh.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(fresh.headers.get('x-kessai-throttle-reason')).toBe('merchant-rate');
      expect(await fresh.json()).toMatchObject({ error: { code: 'THROTTLE_MERCHANT_RATE_LIMITED' } });
    });
  });

  it('lets the demo merchant seeded by tools/seed call through the gateway with its known test key', async () => {
    // Not spawnSync: a blocked event loop misses the gateway closing its idle keep-alive connections, and the
    // next request would go out on a dead socket.
    const seed = await execFileAsync(process.execPath, ['-r', '@swc-node/register', 'tools/seed/seed-demo-merchant.ts'], {
      cwd: join(__dirname, '../../../..'),
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.json', ...namespace.serviceEnvironment('throttle') },
      encoding: 'utf8',
    });
    expect(seed.stderr).toBe('');
    const created = await call('kes_test_DemoMerchantLocalDevelopmentOnlyKey00000000', 'POST', '/bills', newBill());
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const rows = await namespace.query<{ merchant_id: string }>(`SELECT merchant_id FROM "${namespace.schema('billing')}".bill WHERE id = $1`, [id]);
    expect(rows).toEqual([{ merchant_id: 'demo-merchant' }]);
  });

  it('serves one OpenAPI document for the merchant API', async () => {
    const document = (await (await fetch(`${gateway.baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/bills', '/bills/{billId}']));
  });

  it('exposes admissions and rejections per merchant and payment method on /metrics', async () => {
    await call(keyA, 'POST', '/bills', newBill({ allowedPaymentMethods: ['konbini'] }));
    const text = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
    expect(text).toMatch(/throttle_admitted_total\{merchant="merchant-a",payment_method="\*"\} [1-9]/);
    expect(text).toMatch(/throttle_rejected_total\{merchant="merchant-quota",payment_method="\*",reason="merchant-rate"\} \d+/);
    expect(text).toContain('throttle_in_flight');
  });
});
