import type { INestApplication } from '@nestjs/common';
import { ExpireBillsJob, SendRemindersJob } from '@kessai/billing-feature-bills';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { createServiceApp } from '@kessai/shared-service-runtime';
import { freePort, pollUntil, TestNamespace } from '@kessai/shared-testing';
import { billingRequestsService } from '../../src/app.module';
import { loadBillingRequestsConfig } from '../../src/config/billing-requests.config';

/** In process, so the tests move the service's clock instead of waiting for due dates. */
describe('billing-requests bill lifecycle', () => {
  const namespace = new TestNamespace('billing-lifecycle');
  const merchantId = 'merchant-life';
  let app: INestApplication;
  let baseUrl: string;
  let now = new Date('2026-11-22T01:00:00Z');
  const schema = () => namespace.schema('billing');

  beforeAll(async () => {
    const port = await freePort();
    const config = loadBillingRequestsConfig(
      namespace.serviceEnvironment('billing', { PORT: String(port), LOG_LEVEL: 'silent', BILL_JOBS_INTERVAL_MS: '0', SMS_DISPATCH_INTERVAL_MS: '0', WEBHOOK_DELIVERY_INTERVAL_MS: '0' }),
    );
    app = await createServiceApp(billingRequestsService, config);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    await app.listen(port, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app?.close();
    await namespace.cleanUp();
  });

  const createBill = async (overrides: Record<string, unknown> = {}) => {
    const response = await fetch(`${baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
      body: JSON.stringify({
        merchantBillNumber: `LIFE-${newId()}`,
        amount: 5000,
        currency: 'JPY',
        dueDate: '2026-12-10',
        allowedPaymentMethods: ['card', 'konbini'],
        customerPhone: '090-0000-1111',
        ...overrides,
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const getBill = async (id: string) =>
    (await (await fetch(`${baseUrl}/bills/${id}`, { headers: { 'x-kessai-merchant-id': merchantId } })).json()) as Record<string, unknown>;
  const publish = (type: string, payload: object) =>
    namespace.kafka.send(namespace.topic(`${type}.v1`), [
      {
        key: merchantId,
        value: JSON.stringify({ eventId: newId(), type, version: 1, occurredAt: now.toISOString(), merchantId, correlationId: newId(), payload }),
      },
    ]);
  const eventsFor = async (topic: string, billId: string) =>
    (await namespace.kafka.readAll(namespace.topic(topic))).map((m) => JSON.parse(m.value ?? '{}')).filter((e) => e.payload.billId === billId);

  it('marks a bill opened the first time its payment page opens, and only then', async () => {
    const billId = await createBill();
    await publish('payment.payment-page.opened', { billId, openedAt: '2026-11-22T02:00:00.000Z' });
    await publish('payment.payment-page.opened', { billId, openedAt: '2026-11-22T03:00:00.000Z' });
    await pollUntil('the bill to be opened', async () => (await getBill(billId)).status === 'opened');
    await pollUntil('the second opening to be consumed', async () => {
      const rows = await namespace.query(`SELECT 1 FROM "${schema()}".inbox_message`);
      return rows.length >= 2;
    });
    expect((await getBill(billId)).openedAt).toBe('2026-11-22T02:00:00.000Z');
    const events = await pollUntil('billing.bill.opened', async () => {
      const found = await eventsFor('billing.bill.opened.v1', billId);
      return found.length > 0 ? found : undefined;
    });
    expect(events.map((e) => e.payload.openedAt)).toEqual(['2026-11-22T02:00:00.000Z']);
  });

  it('marks a bill paid when its payment is authorized, once, though the capture of the same payment follows', async () => {
    const billId = await createBill();
    const payment = { paymentId: `pay-${newId()}`, billId, paymentMethod: 'card', amount: 5000, currency: 'JPY' };
    await publish('payment.payment.authorized', { ...payment, authorizedAt: '2026-11-22T04:00:00.000Z' });
    await publish('payment.payment.captured', { ...payment, capturedAt: '2026-11-22T04:00:05.000Z' });
    await pollUntil('the bill to be paid', async () => (await getBill(billId)).status === 'paid');
    expect((await getBill(billId)).payment).toEqual({ paymentId: payment.paymentId, paymentMethod: 'card', paidAt: '2026-11-22T04:00:00.000Z' });
    const events = await pollUntil('billing.bill.paid', async () => {
      const found = await eventsFor('billing.bill.paid.v1', billId);
      return found.length > 0 ? found : undefined;
    });
    await pollUntil('the capture to be consumed', async () => {
      const rows = await namespace.query(`SELECT 1 FROM "${schema()}".inbox_message WHERE consumer LIKE '%captured'`);
      return rows.length > 0;
    });
    expect(await eventsFor('billing.bill.paid.v1', billId)).toHaveLength(events.length);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ paymentId: payment.paymentId, amount: 5000, currency: 'JPY', paymentMethod: 'card' });
  });

  it('records a failed payment and keeps the bill open for another try', async () => {
    const billId = await createBill();
    const failed = { paymentId: `pay-${newId()}`, billId, paymentMethod: 'card', reasonCode: 'insufficient_funds', failedAt: '2026-11-22T05:00:00.000Z' };
    await publish('payment.payment.failed', failed);
    await publish('payment.payment.failed', failed);
    await pollUntil('the attempt to be recorded', async () => (await getBill(billId)).failedPaymentAttempts === 1);
    const attempts = await namespace.query(`SELECT reason_code FROM "${schema()}".payment_attempt WHERE bill_id = $1`, [billId]);
    expect(attempts).toEqual([{ reason_code: 'insufficient_funds' }]);
    expect((await getBill(billId)).status).toBe('scheduled');
  });

  it('expires unpaid bills once their due date has ended in Japan, and leaves paid ones alone', async () => {
    now = new Date('2026-11-22T01:00:00Z');
    const unpaid = await createBill({ dueDate: '2026-12-01' });
    const paidBill = await createBill({ dueDate: '2026-12-01' });
    await publish('payment.payment.authorized', { paymentId: `pay-${newId()}`, billId: paidBill, paymentMethod: 'konbini', amount: 5000, currency: 'JPY', authorizedAt: now.toISOString() });
    await pollUntil('the second bill to be paid', async () => (await getBill(paidBill)).status === 'paid');
    const job = app.get(ExpireBillsJob);

    now = new Date('2026-12-01T14:59:59Z');
    await job.expireDue();
    expect((await getBill(unpaid)).status).toBe('scheduled');

    now = new Date('2026-12-01T15:00:00Z');
    await job.expireDue();
    expect((await getBill(unpaid)).status).toBe('expired');
    expect((await getBill(paidBill)).status).toBe('paid');
    const events = await pollUntil('billing.bill.expired', async () => {
      const found = await eventsFor('billing.bill.expired.v1', unpaid);
      return found.length > 0 ? found : undefined;
    });
    expect(events[0].payload.expiredAt).toBe('2026-12-01T15:00:00.000Z');
  });

  it('queues one reminder SMS three days before the due date, inside the sending window', async () => {
    now = new Date('2026-11-22T01:00:00Z');
    const billId = await createBill({ dueDate: '2026-12-20' });
    const job = app.get(SendRemindersJob);

    now = new Date('2026-12-16T12:00:00Z');
    await job.remindDue();
    expect(await namespace.query(`SELECT 1 FROM "${schema()}".sms_message WHERE bill_id = $1 AND kind = 'reminder'`, [billId])).toHaveLength(0);

    // 21:00 Japan time on the 17th: three days before; the SMS waits for 09:00 on the 18th.
    now = new Date('2026-12-17T12:00:00Z');
    await job.remindDue();
    await job.remindDue();
    const reminders = await namespace.query<{ next_attempt_at: Date; body: string }>(
      `SELECT next_attempt_at, body FROM "${schema()}".sms_message WHERE bill_id = $1 AND kind = 'reminder'`,
      [billId],
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0].next_attempt_at.toISOString()).toBe('2026-12-18T00:00:00.000Z');
    expect(reminders[0].body).toMatch(/^再送:ご請求¥5,000 期限12\/20 http/);
  });
});
