import { randomUUID } from 'node:crypto';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

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
    service = new ServiceProcess('billing-requests', await freePort(), namespace.serviceEnvironment('billing')).start();
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
    expect(await read.json()).toEqual({
      id,
      merchantBillNumber: 'A-1',
      amount: 3300,
      currency: 'JPY',
      dueDate: '2099-06-30',
      allowedPaymentMethods: ['card', 'konbini'],
      status: 'created',
    });
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

  it('refuses a request that carries no authenticated merchant', async () => {
    const response = await fetch(`${service.baseUrl}/bills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bill()) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'MERCHANT_UNAUTHENTICATED' } });
  });
});
