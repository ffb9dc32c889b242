import { randomUUID } from 'node:crypto';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

describe('billing-requests bills API', () => {
  const namespace = new TestNamespace('billing-bills-api');
  let service: ServiceProcess;

  const post = (merchantId: string, body: unknown) =>
    fetch(`${service.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId, 'x-request-id': 'req-bills-api' },
      body: JSON.stringify(body),
    });
  const bill = (overrides: Record<string, unknown> = {}) => ({
    merchantBillNumber: `INV-${randomUUID()}`,
    amount: 3300,
    currency: 'JPY',
    dueDate: '2099-06-30',
    allowedPaymentMethods: ['card', 'konbini'],
    ...overrides,
  });

  beforeAll(async () => {
    // The SMS dispatcher stays off: these tests look at the queued messages.
    service = new ServiceProcess('billing-requests', await freePort(), namespace.serviceEnvironment('billing', { SMS_DISPATCH_INTERVAL_MS: '0' })).start();
    await service.waitUntilReady();
  });

  afterAll(async () => {
    await service.stop('SIGKILL');
    await namespace.cleanUp();
  });

  it('creates a bill and reads it back in integer minor units', async () => {
    const created = await post('merchant-a', bill({ merchantBillNumber: 'A-1' }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await fetch(`${service.baseUrl}/bills/${id}`, { headers: { 'x-kessai-merchant-id': 'merchant-a' } });
    const body = (await read.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id,
      merchantBillNumber: 'A-1',
      amount: 3300,
      currency: 'JPY',
      dueDate: '2099-06-30',
      allowedPaymentMethods: ['card', 'konbini'],
      status: 'created',
      paymentLink: { expiresAt: '2099-06-30T15:00:00.000Z' },
    });
    expect((body.paymentLink as { url: string }).url).toMatch(/^http:\/\/127\.0\.0\.1:3002\/p\/[A-Za-z0-9_-]{22}$/);
  });

  it('says which field is wrong, with the request id', async () => {
    const response = await post('merchant-a', bill({ amount: 33.5, currency: 'yen' }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; details: { field: string }[]; requestId: string } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.field).sort()).toEqual(['amount', 'currency']);
    expect(error.requestId).toBe('req-bills-api');
  });

  it('refuses a second bill with the same number for the same merchant, but not for another merchant', async () => {
    expect((await post('merchant-a', bill({ merchantBillNumber: 'DUP-1' }))).status).toBe(201);
    const duplicate = await post('merchant-a', bill({ merchantBillNumber: 'DUP-1' }));
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({
      error: { code: 'BILLING_BILL_NUMBER_ALREADY_EXISTS', field: 'merchantBillNumber' },
    });
    expect((await post('merchant-b', bill({ merchantBillNumber: 'DUP-1' }))).status).toBe(201);
    const rows = await namespace.query(`SELECT 1 FROM "${namespace.schema('billing')}".outbox_message WHERE envelope->'payload'->>'merchantBillNumber' = 'DUP-1'`);
    expect(rows).toHaveLength(2);
  });

  it('does not show one merchant the bill of another', async () => {
    const { id } = (await (await post('merchant-a', bill())).json()) as { id: string };
    const response = await fetch(`${service.baseUrl}/bills/${id}`, { headers: { 'x-kessai-merchant-id': 'merchant-b' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'BILLING_BILL_NOT_FOUND' } });
  });

  it('stores the customer, tax, line items and message, with the mobile number in E.164, and publishes them with the link', async () => {
    const created = await post(
      'merchant-c',
      bill({
        merchantBillNumber: 'C-1',
        customerName: '山田 太郎',
        customerPhone: '090-1234-5678',
        taxAmount: 300,
        lineItems: [{ description: '水道料金 11月分', quantity: 1, unitAmount: 3300 }],
        message: '11月分のご請求です',
      }),
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; customerPhone: string; status: string; paymentLink: { url: string } };
    expect(body).toMatchObject({ customerPhone: '+819012345678', status: 'scheduled', taxAmount: 300, customerName: '山田 太郎' });
    const token = body.paymentLink.url.split('/p/')[1];
    const events = await pollUntil('the created event', async () => {
      const all = await namespace.kafka.readAll(namespace.topic('billing.bill.created.v1'));
      const mine = all.map((m) => JSON.parse(m.value ?? '{}')).filter((e) => e.payload.billId === body.id);
      return mine.length > 0 ? mine : undefined;
    });
    expect(events[0].payload).toMatchObject({
      customerName: '山田 太郎',
      customerPhone: '+819012345678',
      taxAmount: 300,
      lineItems: [{ description: '水道料金 11月分', quantity: 1, unitAmount: 3300 }],
      message: '11月分のご請求です',
      paymentLinkToken: token,
      paymentLinkExpiresAt: '2099-06-30T15:00:00.000Z',
    });
    const [sms] = await namespace.query<{ to_phone: string; body: string; status: string }>(
      `SELECT to_phone, body, status FROM "${namespace.schema('billing')}".sms_message WHERE bill_id = $1`,
      [body.id],
    );
    expect(sms).toMatchObject({ to_phone: '+819012345678', status: 'queued' });
    expect(sms.body).toContain(body.paymentLink.url);
  });

  it('refuses a landline number, naming the field', async () => {
    const response = await post('merchant-c', bill({ customerPhone: '03-1234-5678' }));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'BILLING_PHONE_INVALID', field: 'customerPhone' } });
  });

  it('answers a repeated Idempotency-Key with the first response, and refuses it with a different body', async () => {
    const body = bill();
    const send = (payload: unknown) =>
      fetch(`${service.baseUrl}/bills`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': 'merchant-i', 'idempotency-key': 'order-42' },
        body: JSON.stringify(payload),
      });
    const [first, second] = await Promise.all([send(body), send(body)]);
    const answers = [await first.json(), await second.json()];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(answers[0]).toEqual(answers[1]);
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')].sort()).toEqual(['true', null].sort());
    const changed = await send({ ...body, amount: 9999 });
    expect(changed.status).toBe(422);
    expect(await changed.json()).toMatchObject({ error: { code: 'BILLING_IDEMPOTENCY_KEY_INVALID' } });
    const rows = await namespace.query(`SELECT 1 FROM "${namespace.schema('billing')}".bill WHERE merchant_id = 'merchant-i'`);
    expect(rows).toHaveLength(1);
  });

  it('lists a merchant\'s bills by status, due date and number, a page at a time', async () => {
    const merchant = 'merchant-list';
    for (let i = 1; i <= 5; i++) {
      expect((await post(merchant, bill({ merchantBillNumber: `L-${i}`, dueDate: `2099-07-0${i}` }))).status).toBe(201);
    }
    const list = async (query: string) =>
      (await (await fetch(`${service.baseUrl}/bills?${query}`, { headers: { 'x-kessai-merchant-id': merchant } })).json()) as {
        items: { merchantBillNumber: string }[];
        nextCursor: string | null;
      };
    const first = await list('limit=2');
    expect(first.items.map((b) => b.merchantBillNumber)).toEqual(['L-1', 'L-2']);
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((b) => b.merchantBillNumber)).toEqual(['L-3', 'L-4']);
    const last = await list(`limit=2&cursor=${second.nextCursor}`);
    expect(last).toEqual({ items: [expect.objectContaining({ merchantBillNumber: 'L-5' })], nextCursor: null });
    expect((await list('dueDateFrom=2099-07-02&dueDateTo=2099-07-03')).items.map((b) => b.merchantBillNumber)).toEqual(['L-2', 'L-3']);
    expect((await list('merchantBillNumber=L-4')).items).toHaveLength(1);
    expect((await list('status=canceled')).items).toHaveLength(0);
    const bad = await fetch(`${service.baseUrl}/bills?cursor=nonsense`, { headers: { 'x-kessai-merchant-id': merchant } });
    expect(bad.status).toBe(422);
  });

  it('cancels a bill once, publishes billing.bill.canceled, and refuses to resend its SMS', async () => {
    const { id } = (await (await post('merchant-x', bill({ customerPhone: '080-1111-2222' }))).json()) as { id: string };
    const cancel = () =>
      fetch(`${service.baseUrl}/bills/${id}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': 'merchant-x' },
        body: JSON.stringify({ reason: 'duplicate bill' }),
      });
    const canceled = await cancel();
    expect(canceled.status).toBe(200);
    expect(await canceled.json()).toMatchObject({ status: 'canceled', closedReason: 'duplicate bill' });
    expect((await cancel()).status).toBe(200);
    const resend = await fetch(`${service.baseUrl}/bills/${id}/resend-sms`, { method: 'POST', headers: { 'x-kessai-merchant-id': 'merchant-x' } });
    expect(resend.status).toBe(422);
    const events = await pollUntil('the canceled event', async () => {
      const all = await namespace.kafka.readAll(namespace.topic('billing.bill.canceled.v1'));
      const mine = all.map((m) => JSON.parse(m.value ?? '{}')).filter((e) => e.payload.billId === id);
      return mine.length > 0 ? mine : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0].payload.reason).toBe('duplicate bill');
  });

  it('queues the payment link SMS again on resend', async () => {
    const { id } = (await (await post('merchant-r', bill({ customerPhone: '070-1111-2222' }))).json()) as { id: string };
    const resend = await fetch(`${service.baseUrl}/bills/${id}/resend-sms`, { method: 'POST', headers: { 'x-kessai-merchant-id': 'merchant-r' } });
    expect(resend.status).toBe(202);
    const rows = await namespace.query(`SELECT kind FROM "${namespace.schema('billing')}".sms_message WHERE bill_id = $1`, [id]);
    expect(rows).toEqual([{ kind: 'payment-link' }, { kind: 'payment-link' }]);
  });

  it('refuses a request that carries no authenticated merchant', async () => {
    const response = await fetch(`${service.baseUrl}/bills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bill()) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'MERCHANT_UNAUTHENTICATED' } });
  });
});
