import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

const APPROVE = '4111111111111111';
const INSUFFICIENT_FUNDS = '4000000000009995';

// billing-requests, recurring-engine and processor-sim as processes on the real Kafka and PostgreSQL. The
// customer's consent arrives as payment-screen publishes it (payment.mandate.requested.v1); everything after
// that goes through the services' own events.
describe('bills of a customer with a mandate are charged automatically', () => {
  const namespace = new TestNamespace('billing-auto-charge');
  const billing = () => `"${namespace.schema('billing')}"`;
  const recurring = () => `"${namespace.schema('recurring')}"`;
  const merchantId = `merchant-auto-${newId().slice(-8)}`;
  const running: ServiceProcess[] = [];
  let processor: ServiceProcess;
  let engine: ServiceProcess;
  let service: ServiceProcess;

  const startEngine = async (extra: Record<string, string> = {}) => {
    const started = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_PROCESSOR_URL: processor.baseUrl, ...extra }),
    ).start();
    running.push(started);
    await started.waitUntilReady();
    return started;
  };
  const storeCard = async (number: string): Promise<string> => {
    const post = (path: string, body: unknown) =>
      fetch(`${processor.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  };
  const consent = async (customerPhone: string, cardRef: string) => {
    const mandateRequestId = `consent-${newId()}`;
    const envelope = {
      eventId: newId(),
      type: 'payment.mandate.requested',
      version: 1,
      occurredAt: new Date().toISOString(),
      merchantId,
      correlationId: 'it',
      payload: { mandateRequestId, customerPhone, cardRef, billId: newId(), amount: 1000, currency: 'JPY', consentedAt: new Date().toISOString() },
    };
    await namespace.kafka.send(namespace.topic('payment.mandate.requested.v1'), [{ key: merchantId, value: JSON.stringify(envelope) }]);
    await pollUntil('billing to know the mandate', async () => {
      const rows = await namespace.query(`SELECT 1 FROM ${billing()}.customer_mandate WHERE mandate_id = $1`, [mandateRequestId]);
      return rows.length === 1;
    });
    return mandateRequestId;
  };
  const createBill = async (number: string, customerPhone: string, amount = 3300) => {
    const response = await fetch(`${service.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
      body: JSON.stringify({ merchantBillNumber: number, amount, currency: 'JPY', dueDate: '2099-01-31', allowedPaymentMethods: ['card', 'konbini'], customerPhone }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; status: string; autoCharge?: unknown };
  };
  const billOf = async (id: string) =>
    (await (await fetch(`${service.baseUrl}/bills/${id}`, { headers: { 'x-kessai-merchant-id': merchantId } })).json()) as { status: string; payment?: unknown };
  const statusBecomes = (id: string, status: string) =>
    pollUntil(`bill ${id} to be ${status}`, async () => ((await billOf(id)).status === status ? true : undefined), { timeoutMs: 30_000 });
  const inbox = (toPhone: string) =>
    namespace.query<{ body: string }>(`SELECT body FROM ${billing()}.dev_sms_inbox WHERE to_phone = $1 ORDER BY received_at`, [toPhone]);
  const processorAuthorizations = (idempotencyKey: string) =>
    namespace.query<{ authorization_id: string }>(`SELECT id AS authorization_id FROM "${namespace.schema('processor')}".card_authorization WHERE idempotency_key = $1`, [idempotencyKey]);

  beforeAll(async () => {
    processor = new ServiceProcess('processor-sim', await freePort(), namespace.serviceEnvironment('processor')).start();
    running.push(processor);
    await processor.waitUntilReady();
    engine = await startEngine();
    service = new ServiceProcess(
      'billing-requests',
      await freePort(),
      namespace.serviceEnvironment('billing', { SMS_WINDOW_START_HOUR: '0', SMS_WINDOW_END_HOUR: '24', WEBHOOK_DELIVERY_INTERVAL_MS: '0' }),
    ).start();
    running.push(service);
    await service.waitUntilReady();
  });

  afterAll(async () => {
    await Promise.all(running.map((started) => started.stop('SIGKILL')));
    await namespace.cleanUp();
  });

  it('charges the mandate\'s card once, marks the bill paid and sends a Japanese receipt SMS instead of the payment link', async () => {
    const phone = '+819011110001';
    const mandateId = await consent('+819011110001', await storeCard(APPROVE));
    const bill = await createBill('AUTO-1', '090-1111-0001');
    expect(bill).toMatchObject({ status: 'created', autoCharge: { mandateId, status: 'requested' } });
    await statusBecomes(bill.id, 'paid');
    const [charge] = await namespace.query<{ status: string; authorization_id: string; amount: number }>(
      `SELECT status, authorization_id, amount::int AS amount FROM ${recurring()}.charge WHERE charge_key = $1`,
      [`bill:${bill.id}`],
    );
    expect(charge).toMatchObject({ status: 'authorized', amount: 3300 });
    expect(await processorAuthorizations(`bill:${bill.id}`)).toEqual([{ authorization_id: charge.authorization_id }]);
    const [stored] = await namespace.query<{ payment_id: string; auto_charge_mandate_id: string; auto_charge_status: string }>(
      `SELECT payment_id, auto_charge_mandate_id, auto_charge_status FROM ${billing()}.bill WHERE id = $1`,
      [bill.id],
    );
    expect(stored).toEqual({ payment_id: charge.authorization_id, auto_charge_mandate_id: mandateId, auto_charge_status: 'authorized' });
    const messages = await pollUntil('the receipt SMS', async () => {
      const received = await inbox(phone);
      return received.length > 0 ? received : undefined;
    });
    expect(messages.map((m) => m.body)).toEqual(['【領収】ご請求¥3,300を登録カードでお支払いしました 請求番号AUTO-1']);
    const paid = await namespace.query(`SELECT 1 FROM ${billing()}.outbox_message WHERE envelope->>'type' = 'billing.bill.paid' AND envelope->'payload'->>'billId' = $1`, [bill.id]);
    expect(paid).toHaveLength(1);
  });

  it('charges once when the engine is killed between the processor\'s answer and its commit, and when the request is delivered again', async () => {
    await consent('+819011110002', await storeCard(APPROVE));
    await engine.stop('SIGTERM');
    const crashing = await startEngine({ FAILPOINTS: 'recurring.bill-charge.after-processor-answer' });
    const bill = await createBill('AUTO-2', '090-1111-0002', 4400);
    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    // the processor authorized the card; the engine recorded nothing of it
    expect(await processorAuthorizations(`bill:${bill.id}`)).toHaveLength(1);
    expect(await namespace.query(`SELECT 1 FROM ${recurring()}.charge WHERE charge_key = $1`, [`bill:${bill.id}`])).toHaveLength(0);

    engine = await startEngine();
    await statusBecomes(bill.id, 'paid');
    const requests = await namespace.kafka.readAll(namespace.topic('billing.bill.auto-charge-requested.v1'));
    const original = requests.find((message) => message.value?.includes(bill.id))?.value as string;
    expect(original).toBeDefined();
    const republished = JSON.stringify({ ...JSON.parse(original), eventId: newId() });
    await namespace.kafka.send(namespace.topic('billing.bill.auto-charge-requested.v1'), [
      { key: merchantId, value: original },
      { key: merchantId, value: republished },
    ]);
    // Same merchant key, same partition: once a later bill is paid, the copies before it were consumed.
    await consent('+819011110003', await storeCard(APPROVE));
    const later = await createBill('AUTO-3', '090-1111-0003');
    await statusBecomes(later.id, 'paid');

    const authorizations = await processorAuthorizations(`bill:${bill.id}`);
    expect(authorizations).toHaveLength(1);
    const charges = await namespace.query<{ authorization_id: string }>(`SELECT authorization_id FROM ${recurring()}.charge WHERE charge_key = $1`, [`bill:${bill.id}`]);
    expect(charges).toEqual([{ authorization_id: authorizations[0].authorization_id }]);
    const authorized = await namespace.query(
      `SELECT 1 FROM ${recurring()}.outbox_message WHERE envelope->>'type' = 'recurring.bill-charge.authorized' AND envelope->'payload'->>'billId' = $1`,
      [bill.id],
    );
    expect(authorized).toHaveLength(1);
    expect(await inbox('+819011110002')).toHaveLength(1);
  });

  it('falls back to the payment link SMS when the mandate\'s card is declined', async () => {
    await consent('+819011110004', await storeCard(INSUFFICIENT_FUNDS));
    const bill = await createBill('AUTO-4', '090-1111-0004');
    await statusBecomes(bill.id, 'sent');
    const [stored] = await namespace.query<{ auto_charge_status: string; auto_charge_decline_code: string }>(
      `SELECT auto_charge_status, auto_charge_decline_code FROM ${billing()}.bill WHERE id = $1`,
      [bill.id],
    );
    expect(stored).toEqual({ auto_charge_status: 'declined', auto_charge_decline_code: '51' });
    const messages = await inbox('+819011110004');
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toMatch(/^ご請求¥3,300 期限1\/31 http\S+\/p\/[A-Za-z0-9_-]{22}$/);
  });

  it('sends a payment link, not a charge, to a customer without a mandate', async () => {
    const bill = await createBill('AUTO-5', '090-1111-0005');
    expect(bill.status).toBe('scheduled');
    await statusBecomes(bill.id, 'sent');
    expect(await namespace.query(`SELECT 1 FROM ${billing()}.outbox_message WHERE envelope->>'type' = 'billing.bill.auto-charge-requested' AND envelope->'payload'->>'billId' = $1`, [bill.id])).toHaveLength(0);
  });

  it('stops charging a customer whose mandate the merchant revoked: the next bill gets its payment link, and a late copy of the mandate does not bring it back', async () => {
    const phone = '+819011110006';
    const mandateId = await consent(phone, await storeCard(APPROVE));
    const revoke = await fetch(`${engine.baseUrl}/recurring/mandates/${mandateId}/revoke`, { method: 'POST', headers: { 'x-kessai-merchant-id': merchantId } });
    expect(revoke.status).toBe(200);
    await pollUntil('billing to forget the mandate', async () => {
      const rows = await namespace.query(`SELECT 1 FROM ${billing()}.customer_mandate WHERE mandate_id = $1`, [mandateId]);
      return rows.length === 0;
    });
    expect(await namespace.query(`SELECT reason FROM ${billing()}.revoked_mandate WHERE mandate_id = $1`, [mandateId])).toEqual([{ reason: 'merchant' }]);

    const bill = await createBill('AUTO-6', '090-1111-0006');
    expect(bill.status).toBe('scheduled');
    await statusBecomes(bill.id, 'sent');
    expect((await inbox(phone)).map((m) => m.body)).toEqual([expect.stringMatching(/^ご請求¥3,300 期限1\/31 http\S+\/p\//)]);

    // the mandate's creation delivered again after its revocation (the two travel on different topics)
    const [created] = (await namespace.kafka.readAll(namespace.topic('recurring.mandate.created.v1'))).filter((message) => message.value?.includes(mandateId));
    await namespace.kafka.send(namespace.topic('recurring.mandate.created.v1'), [{ key: merchantId, value: JSON.stringify({ ...JSON.parse(created.value as string), eventId: newId() }) }]);
    // same merchant key, same partition: once a later consent is recorded, the copy before it was consumed
    await consent('+819011110007', await storeCard(APPROVE));
    expect(await namespace.query(`SELECT 1 FROM ${billing()}.customer_mandate WHERE mandate_id = $1`, [mandateId])).toHaveLength(0);
  });

  it('releases the authorization when the bill was canceled while its automatic charge was under way: the customer is not charged', async () => {
    const phone = '+819011110008';
    await consent(phone, await storeCard(APPROVE));
    await engine.stop('SIGTERM');
    const bill = await createBill('AUTO-8', '090-1111-0008');
    expect(bill).toMatchObject({ status: 'created', autoCharge: { status: 'requested' } });
    const canceled = await fetch(`${service.baseUrl}/bills/${bill.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
      body: JSON.stringify({ reason: 'customer paid at the counter' }),
    });
    expect(canceled.status).toBe(200);
    engine = await startEngine();

    const released = await pollUntil('the charge released', async () => {
      const rows = await namespace.query<{ status: string; authorization_id: string }>(`SELECT status, authorization_id FROM ${recurring()}.charge WHERE charge_key = $1`, [`bill:${bill.id}`]);
      return rows[0]?.status === 'canceled' ? rows[0] : undefined;
    });
    expect(
      await namespace.query(`SELECT status FROM "${namespace.schema('processor')}".card_authorization WHERE id = $1`, [released.authorization_id]),
    ).toEqual([{ status: 'canceled' }]);
    expect((await billOf(bill.id)).status).toBe('canceled');
    expect(await inbox(phone)).toEqual([]);
    const refused = await namespace.query(
      `SELECT envelope->'payload'->>'reason' AS reason FROM ${billing()}.outbox_message WHERE envelope->>'type' = 'billing.bill.auto-charge-refused' AND envelope->'payload'->>'billId' = $1`,
      [bill.id],
    );
    expect(refused).toEqual([{ reason: expect.stringMatching(/^BILLING_BILL_TRANSITION_NOT_ALLOWED/) }]);
  });
});
