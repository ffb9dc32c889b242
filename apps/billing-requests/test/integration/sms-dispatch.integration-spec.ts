import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DispatchSmsJob, twilioSignature } from '@kessai/billing-feature-bills';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { createServiceApp } from '@kessai/shared-service-runtime';
import { freePort, pollUntil, TestNamespace } from '@kessai/shared-testing';
import { billingRequestsService } from '../../src/app.module';
import { loadBillingRequestsConfig } from '../../src/config/billing-requests.config';

/** The service in process with its clock held by the test; the dispatcher runs when the test says. */
async function startBilling(namespace: TestNamespace, extraEnv: Record<string, string>, clock: { now: Date }) {
  const port = await freePort();
  const config = loadBillingRequestsConfig(
    namespace.serviceEnvironment('billing', { PORT: String(port), LOG_LEVEL: 'silent', BILL_JOBS_INTERVAL_MS: '0', SMS_DISPATCH_INTERVAL_MS: '0', WEBHOOK_DELIVERY_INTERVAL_MS: '0', ...extraEnv }),
  );
  const app = await createServiceApp(billingRequestsService, config);
  jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(clock.now));
  await app.listen(port, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, merchantId: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };
  const createBill = async (merchantId: string, overrides: Record<string, unknown> = {}) => {
    const { status, body } = await call('POST', '/bills', merchantId, {
      merchantBillNumber: `SMS-${newId()}`,
      amount: 3300,
      currency: 'JPY',
      dueDate: '2026-12-10',
      allowedPaymentMethods: ['card'],
      customerPhone: '090-1234-5678',
      ...overrides,
    });
    expect(status).toBe(201);
    return body as { id: string; paymentLink: { url: string } };
  };
  return { app, baseUrl, call, createBill };
}

describe('billing-requests SMS through the development inbox', () => {
  const namespace = new TestNamespace('billing-sms-inbox');
  const clock = { now: new Date('2026-11-22T13:00:00Z') };
  let billing: Awaited<ReturnType<typeof startBilling>>;
  const schema = () => namespace.schema('billing');

  beforeAll(async () => {
    billing = await startBilling(namespace, { SMS_PROVIDER: 'dev-inbox' }, clock);
  });

  afterAll(async () => {
    await billing?.app.close();
    await namespace.cleanUp();
  });

  it('holds an SMS made at night until 09:00 Japan time, then sends it, marks the bill sent and shows it in the inbox with a tappable link', async () => {
    clock.now = new Date('2026-11-22T13:00:00Z'); // 22:00 in Japan
    const bill = await billing.createBill('merchant-night');
    const job = billing.app.get(DispatchSmsJob);

    clock.now = new Date('2026-11-22T23:59:00Z'); // 08:59
    await job.dispatchDue();
    expect((await billing.call('GET', `/bills/${bill.id}`, 'merchant-night')).body.status).toBe('scheduled');

    clock.now = new Date('2026-11-23T00:00:00Z'); // 09:00
    await job.dispatchDue();
    const read = (await billing.call('GET', `/bills/${bill.id}`, 'merchant-night')).body;
    expect(read).toMatchObject({ status: 'sent', sentAt: '2026-11-23T00:00:00.000Z' });
    const [sms] = await namespace.query(`SELECT status, provider, delivery_status, attempts FROM "${schema()}".sms_message WHERE bill_id = $1`, [bill.id]);
    expect(sms).toEqual({ status: 'sent', provider: 'dev-inbox', delivery_status: 'delivered', attempts: 1 });

    const page = await fetch(`${billing.baseUrl}/dev/sms-inbox`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`<a href="${bill.paymentLink.url}">${bill.paymentLink.url}</a>`);
    expect(html).toContain('+819012345678');
    const events = await pollUntil('billing.bill.sent', async () => {
      const all = await namespace.kafka.readAll(namespace.topic('billing.bill.sent.v1'));
      const mine = all.map((m) => JSON.parse(m.value ?? '{}')).filter((e) => e.payload.billId === bill.id);
      return mine.length > 0 ? mine : undefined;
    });
    expect(events[0].payload).toEqual({ billId: bill.id, kind: 'payment-link', sentAt: '2026-11-23T00:00:00.000Z' });
  });

  it('keeps to the merchant\'s own sending window', async () => {
    expect((await billing.call('PUT', '/settings/sms-window', 'merchant-noon', { startHour: 12, endHour: 13 })).status).toBe(200);
    clock.now = new Date('2026-11-23T01:00:00Z'); // 10:00 in Japan
    const bill = await billing.createBill('merchant-noon');
    const [sms] = await namespace.query<{ next_attempt_at: Date }>(`SELECT next_attempt_at FROM "${schema()}".sms_message WHERE bill_id = $1`, [bill.id]);
    expect(sms.next_attempt_at.toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect((await billing.call('PUT', '/settings/sms-window', 'merchant-noon', { startHour: 13, endHour: 12 })).status).toBe(422);
  });

  it('sends nothing for a bill canceled before its SMS went out', async () => {
    clock.now = new Date('2026-11-23T02:00:00Z');
    const bill = await billing.createBill('merchant-cancel', { sendAt: '2026-11-25T00:00:00Z' });
    expect((await billing.call('POST', `/bills/${bill.id}/cancel`, 'merchant-cancel', {})).status).toBe(200);
    clock.now = new Date('2026-11-25T01:00:00Z');
    await billing.app.get(DispatchSmsJob).dispatchDue();
    const [sms] = await namespace.query(`SELECT status FROM "${schema()}".sms_message WHERE bill_id = $1`, [bill.id]);
    expect(sms).toEqual({ status: 'skipped' });
    const inbox = await namespace.query(`SELECT 1 FROM "${schema()}".dev_sms_inbox WHERE body LIKE $1`, [`%${bill.paymentLink.url}%`]);
    expect(inbox).toHaveLength(0);
  });
});

describe('billing-requests SMS through Twilio (a local stub)', () => {
  const namespace = new TestNamespace('billing-sms-twilio');
  const clock = { now: new Date('2026-11-23T01:00:00Z') };
  const sid = `AC${'ab'.repeat(16)}`;
  const callbackUrl = 'https://billing.example.test/sms/status/twilio';
  let billing: Awaited<ReturnType<typeof startBilling>>;
  let stub: Server;
  let answers: { status: number; body: unknown }[];
  let requests: { url?: string; authorization?: string; form: Record<string, string> }[];
  const schema = () => namespace.schema('billing');

  beforeAll(async () => {
    stub = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        requests.push({ url: req.url, authorization: req.headers.authorization, form: Object.fromEntries(new URLSearchParams(body)) });
        const answer = answers.shift() ?? { status: 201, body: { sid: `SM${newId().replace(/-/g, '')}`, status: 'queued' } };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    billing = await startBilling(
      namespace,
      {
        SMS_PROVIDER: 'twilio',
        TWILIO_API_URL: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: 'twilio-test-token',
        TWILIO_FROM: 'Kessai',
        TWILIO_STATUS_CALLBACK_URL: callbackUrl,
        SMS_RETRY_INITIAL_MS: '60000',
        SMS_MAX_ATTEMPTS: '3',
      },
      clock,
    );
  });

  beforeEach(() => {
    answers = [];
    requests = [];
  });

  afterAll(async () => {
    await billing?.app.close();
    await new Promise((resolve) => stub.close(resolve));
    await namespace.cleanUp();
  });

  it('retries a 503 after the backoff, then records the message sid and the delivery report Twilio signs', async () => {
    clock.now = new Date('2026-11-23T01:00:00Z');
    const bill = await billing.createBill('merchant-twilio');
    const job = billing.app.get(DispatchSmsJob);
    answers.push({ status: 503, body: { code: 20503, message: 'Service Unavailable' } });
    await job.dispatchDue();
    const [waiting] = await namespace.query<{ status: string; attempts: number; next_attempt_at: Date; last_error: string }>(
      `SELECT status, attempts, next_attempt_at, last_error FROM "${schema()}".sms_message WHERE bill_id = $1`,
      [bill.id],
    );
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringContaining('503') });
    expect(waiting.next_attempt_at.toISOString()).toBe('2026-11-23T01:01:00.000Z');

    await job.dispatchDue();
    expect(requests).toHaveLength(1);

    clock.now = new Date('2026-11-23T01:01:00Z');
    answers.push({ status: 201, body: { sid: 'SM-delivered-1', status: 'queued' } });
    await job.dispatchDue();
    expect(requests).toHaveLength(2);
    expect(requests[1]).toEqual({
      url: `/2010-04-01/Accounts/${sid}/Messages.json`,
      authorization: `Basic ${Buffer.from(`${sid}:twilio-test-token`).toString('base64')}`,
      form: { To: '+819012345678', From: 'Kessai', Body: expect.stringContaining(bill.paymentLink.url), StatusCallback: callbackUrl },
    });
    expect((await billing.call('GET', `/bills/${bill.id}`, 'merchant-twilio')).body.status).toBe('sent');

    const report = { MessageSid: 'SM-delivered-1', MessageStatus: 'delivered', AccountSid: sid };
    const post = (signature: string) =>
      fetch(`${billing.baseUrl}/sms/status/twilio`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(report).toString(),
      });
    expect((await post('forged')).status).toBe(403);
    expect((await post(twilioSignature('twilio-test-token', callbackUrl, report))).status).toBe(204);
    const [sent] = await namespace.query(`SELECT status, provider_message_id, delivery_status FROM "${schema()}".sms_message WHERE bill_id = $1`, [bill.id]);
    expect(sent).toEqual({ status: 'sent', provider_message_id: 'SM-delivered-1', delivery_status: 'delivered' });
  });

  it('fails the message and the bill at once when Twilio refuses the number', async () => {
    clock.now = new Date('2026-11-23T02:00:00Z');
    const bill = await billing.createBill('merchant-twilio');
    answers.push({ status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number." } });
    await billing.app.get(DispatchSmsJob).dispatchDue();
    const [sms] = await namespace.query(`SELECT status, attempts FROM "${schema()}".sms_message WHERE bill_id = $1`, [bill.id]);
    expect(sms).toEqual({ status: 'failed', attempts: 1 });
    expect((await billing.call('GET', `/bills/${bill.id}`, 'merchant-twilio')).body).toMatchObject({ status: 'failed', closedReason: expect.stringContaining('21211') });
  });

  it('gives up after SMS_MAX_ATTEMPTS transient errors', async () => {
    clock.now = new Date('2026-11-23T03:00:00Z');
    const bill = await billing.createBill('merchant-twilio');
    const job = billing.app.get(DispatchSmsJob);
    for (let attempt = 0; attempt < 3; attempt++) {
      answers.push({ status: 429, body: { code: 20429, message: 'Too Many Requests' } });
      await job.dispatchDue();
      clock.now = new Date(clock.now.getTime() + 3600_000);
    }
    const [sms] = await namespace.query(`SELECT status, attempts FROM "${schema()}".sms_message WHERE bill_id = $1`, [bill.id]);
    expect(sms).toEqual({ status: 'failed', attempts: 3 });
  });
});

describe('billing-requests SMS rate shared by instances', () => {
  const namespace = new TestNamespace('billing-sms-rate');
  const clock = { now: new Date('2026-11-23T01:00:00Z') }; // 10:00 in Japan: inside the window
  const instances: Awaited<ReturnType<typeof startBilling>>[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) instances.push(await startBilling(namespace, { SMS_PROVIDER: 'dev-inbox', SMS_RATE_PER_SECOND: '4' }, clock));
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.app.close()));
    await namespace.cleanUp();
  });

  it('keeps two instances together within the provider account\'s rate: 16 SMS at 4/s (a second\'s worth at once) take at least 3 s', async () => {
    const queue = async (from: number) => {
      for (let i = from; i < from + 8; i += 1) await instances[0].createBill('merchant-rate', { customerPhone: `090-5555-${String(1000 + i)}` });
    };
    await queue(0);
    const started = performance.now();
    // the first instance locks and sends these 8; the second finds only the 8 queued after that, and sends them meanwhile
    const first = instances[0].app.get(DispatchSmsJob).dispatchDue();
    await queue(8);
    const second = instances[1].app.get(DispatchSmsJob).dispatchDue();
    expect(await Promise.all([first, second])).toEqual([8, 8]);
    const elapsedMs = performance.now() - started;
    const [{ sent }] = await namespace.query<{ sent: number }>(`SELECT count(*)::int AS sent FROM "${namespace.schema('billing')}".sms_message WHERE status = 'sent'`);
    expect(sent).toBe(16);
    // 4 at once, then 12 more 250 ms apart; each instance alone at 4/s would have finished its 8 in 1 s
    expect(elapsedMs).toBeGreaterThanOrEqual(2900);
  });
});
