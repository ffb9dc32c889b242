import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { DeliverWebhooksJob, DispatchSmsJob, verifyWebhook } from '@kessai/billing-feature-bills';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { createServiceApp } from '@kessai/shared-service-runtime';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { billingRequestsService } from '../../src/app.module';
import { loadBillingRequestsConfig } from '../../src/config/billing-requests.config';

/** A merchant's webhook receiver: records each request, answers with the next status the test queued (200 by default). */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, statuses, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, close: () => new Promise((r) => server.close(r)) };
}

describe('billing-requests merchant webhooks', () => {
  const namespace = new TestNamespace('billing-webhooks');
  const merchantId = 'merchant-hooks';
  let app: INestApplication;
  let baseUrl: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let now = new Date('2026-11-23T01:00:00Z');
  let secret: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };
  const createBill = async () => {
    const { status, body } = await call('POST', '/bills', {
      merchantBillNumber: `HOOK-${newId()}`,
      amount: 1200,
      currency: 'JPY',
      dueDate: '2026-12-10',
      allowedPaymentMethods: ['card'],
      customerPhone: '090-2222-3333',
    });
    expect(status).toBe(201);
    return body.id as string;
  };
  type Delivery = { id: string; eventId: string; eventType: string; status: string; attempts: { statusCode: number | null }[]; replayOf: string | null };
  const deliveriesOf = async (billId: string) => (await call('GET', `/webhook-deliveries?billId=${billId}`)).body.items as Delivery[];

  beforeAll(async () => {
    receiver = await startReceiver();
    const port = await freePort();
    const config = loadBillingRequestsConfig(
      namespace.serviceEnvironment('billing', {
        PORT: String(port),
        LOG_LEVEL: 'silent',
        BILL_JOBS_INTERVAL_MS: '0',
        SMS_DISPATCH_INTERVAL_MS: '0',
        WEBHOOK_DELIVERY_INTERVAL_MS: '0',
        WEBHOOK_RETRY_INITIAL_MS: '60000',
        WEBHOOK_RETRY_MAX_MS: '21600000',
      }),
    );
    app = await createServiceApp(billingRequestsService, config);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    await app.listen(port, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
    const set = await call('PUT', '/webhook-endpoint', { url: receiver.url });
    expect(set.status).toBe(200);
    secret = set.body.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await namespace.cleanUp();
  });

  it('shows the secret only when it is made', async () => {
    const again = await call('PUT', '/webhook-endpoint', { url: receiver.url });
    expect(again.body).toEqual({ url: receiver.url });
    expect((await call('GET', '/webhook-endpoint')).body).toMatchObject({ url: receiver.url });
  });

  it('posts every state change, signed over timestamp and body, retrying a failure with backoff and logging each attempt', async () => {
    now = new Date('2026-11-23T01:00:00Z');
    const billId = await createBill();
    const job = app.get(DeliverWebhooksJob);
    receiver.statuses.push(500);
    receiver.received.length = 0;
    await job.deliverDue();
    // created and scheduled: one answered 500, the other 200.
    expect(receiver.received).toHaveLength(2);
    let deliveries = await deliveriesOf(billId);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(['billing.bill.created', 'billing.bill.scheduled']);
    const failed = deliveries.find((d) => d.status === 'pending') as Delivery & { nextAttemptAt: string };
    expect(failed.attempts.map((a) => a.statusCode)).toEqual([500]);
    expect(failed.nextAttemptAt).toBe('2026-11-23T01:01:00.000Z');

    now = new Date('2026-11-23T01:01:00Z');
    await job.deliverDue();
    deliveries = await deliveriesOf(billId);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    expect(deliveries.find((d) => d.id === failed.id)?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);

    for (const request of receiver.received) {
      const signature = request.headers['kessai-signature'] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const timestamp = Number(signature.slice(2, signature.indexOf(',')));
      expect(verifyWebhook(secret, request.body, signature, timestamp)).toBe(true);
      expect(verifyWebhook(secret, request.body.replace('billing.bill', 'billing.bilL'), signature, timestamp)).toBe(false);
    }
    const created = receiver.received.map((r) => JSON.parse(r.body)).find((b) => b.type === 'billing.bill.created');
    expect(created).toMatchObject({ version: 1, data: { billId, amount: 1200, currency: 'JPY', customerPhone: '+819022223333' } });

    // The SMS goes out: billing.bill.sent is the next webhook.
    await app.get(DispatchSmsJob).dispatchDue();
    await job.deliverDue();
    expect((await deliveriesOf(billId)).map((d) => d.eventType)).toContain('billing.bill.sent');
  });

  it('replays a delivered webhook by API with the same event id', async () => {
    now = new Date('2026-11-23T02:00:00Z');
    const billId = await createBill();
    await app.get(DeliverWebhooksJob).deliverDue();
    const original = (await deliveriesOf(billId)).find((d) => d.eventType === 'billing.bill.created') as Delivery;
    expect(original.status).toBe('delivered');
    const replay = await call('POST', `/webhook-deliveries/${original.id}/replay`);
    expect(replay.status).toBe(202);
    receiver.received.length = 0;
    await app.get(DeliverWebhooksJob).deliverDue();
    expect(receiver.received.map((r) => JSON.parse(r.body).id)).toEqual([original.eventId]);
    const replayed = (await deliveriesOf(billId)).find((d) => d.id === replay.body.id) as Delivery;
    expect(replayed).toMatchObject({ status: 'delivered', replayOf: original.id, eventId: original.eventId });
    expect((await call('POST', `/webhook-deliveries/${newId()}/replay`)).status).toBe(404);
  });

  it('gives up three days after the event when the endpoint never answers 2xx', async () => {
    now = new Date('2026-11-24T00:00:00Z');
    const billId = await createBill();
    const job = app.get(DeliverWebhooksJob);
    receiver.statuses.push(...Array(40).fill(503));
    const start = now.getTime();
    while (now.getTime() < start + 4 * 86_400_000) {
      await job.deliverDue();
      now = new Date(now.getTime() + 3600_000);
    }
    receiver.statuses.length = 0;
    const deliveries = await deliveriesOf(billId);
    expect(deliveries.map((d) => d.status)).toEqual(['failed', 'failed']);
    const attempts = deliveries[0].attempts.length;
    // 1, 2, 4, 8, … minutes up to 6 hours between attempts: 13 attempts fit in 3 days.
    expect(attempts).toBeGreaterThanOrEqual(12);
    expect(attempts).toBeLessThanOrEqual(20);
  });
});

describe('billing-requests merchant webhooks across a crash', () => {
  const namespace = new TestNamespace('billing-webhooks-crash');
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let service: ServiceProcess | undefined;

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await receiver?.close();
    await namespace.cleanUp();
  });

  it('delivers the webhook and sends the SMS queued before the process was killed, after it restarts', async () => {
    receiver = await startReceiver();
    const env = (extra: Record<string, string>) =>
      namespace.serviceEnvironment('billing', { SMS_WINDOW_START_HOUR: '0', SMS_WINDOW_END_HOUR: '24', ...extra });
    const port = await freePort();
    // First life: the workers are off, so the work waits in the tables when the process dies.
    service = new ServiceProcess('billing-requests', port, env({ SMS_DISPATCH_INTERVAL_MS: '0', WEBHOOK_DELIVERY_INTERVAL_MS: '0' })).start();
    await service.waitUntilReady();
    const headers = { 'content-type': 'application/json', 'x-kessai-merchant-id': 'merchant-crash' };
    expect((await fetch(`${service.baseUrl}/webhook-endpoint`, { method: 'PUT', headers, body: JSON.stringify({ url: receiver.url }) })).status).toBe(200);
    const created = await fetch(`${service.baseUrl}/bills`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ merchantBillNumber: 'CRASH-1', amount: 800, currency: 'JPY', dueDate: '2099-01-31', allowedPaymentMethods: ['card'], customerPhone: '08033334444' }),
    });
    const { id } = (await created.json()) as { id: string };
    await service.stop('SIGKILL');

    service = new ServiceProcess('billing-requests', port, env({ SMS_DISPATCH_INTERVAL_MS: '100', WEBHOOK_DELIVERY_INTERVAL_MS: '100' })).start();
    await service.waitUntilReady();
    await pollUntil('the SMS to be sent and the webhooks delivered', async () => {
      const types = receiver.received.map((r) => JSON.parse(r.body).type);
      return types.includes('billing.bill.created') && types.includes('billing.bill.sent');
    });
    const inbox = await namespace.query(`SELECT to_phone FROM "${namespace.schema('billing')}".dev_sms_inbox`);
    expect(inbox).toEqual([{ to_phone: '+818033334444' }]);
    const bill = (await (await fetch(`${service.baseUrl}/bills/${id}`, { headers })).json()) as { status: string };
    expect(bill.status).toBe('sent');
  });
});
