import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { uniqueShopId } from './recurring-test-data';

describe('recurring-engine mandates from payment.mandate.requested.v1', () => {
  const namespace = new TestNamespace('recurring-mandates');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const merchantId = uniqueShopId('shop');
  let engine: ServiceProcess;

  const mandateRequested = (mandateRequestId: string) => ({
    eventId: newId(),
    type: 'payment.mandate.requested',
    version: 1,
    occurredAt: new Date().toISOString(),
    merchantId,
    correlationId: 'it',
    payload: {
      mandateRequestId,
      customerPhone: '+819012345678',
      cardRef: 'card_mandate_1',
      billId: 'bill-1',
      amount: 2980,
      currency: 'JPY',
      consentedAt: '2026-02-03T04:05:06.000Z',
    },
  });

  beforeAll(async () => {
    engine = new ServiceProcess('recurring-engine', await freePort(), namespace.serviceEnvironment('recurring')).start();
    await engine.waitUntilReady();
  });

  afterAll(async () => {
    await engine.stop('SIGTERM');
    await namespace.cleanUp();
  });

  it('stores one mandate per request even when the request arrives twice, and announces it once', async () => {
    const mandateRequestId = `consent-${newId()}`;
    const event = mandateRequested(mandateRequestId);
    const republished = { ...mandateRequested(mandateRequestId), eventId: newId() };
    const later = mandateRequested(`consent-${newId()}`);
    await namespace.kafka.send(namespace.topic('payment.mandate.requested.v1'), [
      { key: merchantId, value: JSON.stringify(event) },
      { key: merchantId, value: JSON.stringify(event) },
      { key: merchantId, value: JSON.stringify(republished) },
      { key: merchantId, value: JSON.stringify(later) },
    ]);
    // one merchant key, one partition: once the later request is stored, the three copies before it were consumed
    await pollUntil('the later mandate', async () => {
      const rows = await namespace.query(`SELECT 1 FROM ${schema()}.mandate WHERE mandate_request_id = $1`, [later.payload.mandateRequestId]);
      return rows.length === 1;
    });
    const mandates = await namespace.query(`SELECT shop_id, card_ref, amount::int AS amount FROM ${schema()}.mandate WHERE mandate_request_id = $1`, [
      mandateRequestId,
    ]);
    expect(mandates).toEqual([{ shop_id: merchantId, card_ref: 'card_mandate_1', amount: 2980 }]);
    const announced = await namespace.query(
      `SELECT 1 FROM ${schema()}.outbox_message WHERE envelope->>'type' = 'recurring.mandate.created' AND envelope->'payload'->>'mandateRequestId' = $1`,
      [mandateRequestId],
    );
    expect(announced).toHaveLength(1);
  });

  it('dead-letters a request without a card reference instead of storing it', async () => {
    const broken = mandateRequested(`consent-${newId()}`);
    const { cardRef: _dropped, ...payload } = broken.payload;
    await namespace.kafka.send(namespace.topic('payment.mandate.requested.v1'), [{ key: merchantId, value: JSON.stringify({ ...broken, payload }) }]);
    await pollUntil('the dead letter', async () => {
      const letters = await namespace.kafka.readAll(namespace.topic('recurring-engine.store-mandate-when-mandate-requested.dlq'));
      return letters.some((letter) => letter.value?.includes(broken.payload.mandateRequestId));
    });
    expect(await namespace.query(`SELECT 1 FROM ${schema()}.mandate WHERE mandate_request_id = $1`, [broken.payload.mandateRequestId])).toHaveLength(0);
  });

  it('lets the merchant list and revoke a mandate, once, only its own; a bill charged to a revoked mandate is declined so billing sends the link', async () => {
    const mandateRequestId = `consent-${newId()}`;
    await namespace.kafka.send(namespace.topic('payment.mandate.requested.v1'), [{ key: merchantId, value: JSON.stringify(mandateRequested(mandateRequestId)) }]);
    const headers = (merchant: string) => ({ 'x-kessai-merchant-id': merchant, 'content-type': 'application/json' });
    const listed = async () => {
      const response = await fetch(`${engine.baseUrl}/recurring/mandates?customerPhone=%2B819012345678&limit=50`, { headers: headers(merchantId) });
      return ((await response.json()) as { mandates: { mandateId: string; revokedAt: string | null; revocationReason: string | null }[] }).mandates;
    };
    await pollUntil('the mandate listed', async () => (await listed()).some((m) => m.mandateId === mandateRequestId));

    const stranger = await fetch(`${engine.baseUrl}/recurring/mandates/${mandateRequestId}/revoke`, { method: 'POST', headers: headers(uniqueShopId('other')) });
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('RECURRING_MANDATE_NOT_FOUND');

    const first = await fetch(`${engine.baseUrl}/recurring/mandates/${mandateRequestId}/revoke`, { method: 'POST', headers: headers(merchantId) });
    expect(first.status).toBe(200);
    const revoked = (await first.json()) as { revokedAt: string; revocationReason: string };
    expect(revoked).toMatchObject({ revocationReason: 'merchant', revokedAt: expect.any(String) });
    const again = await fetch(`${engine.baseUrl}/recurring/mandates/${mandateRequestId}/revoke`, { method: 'POST', headers: headers(merchantId) });
    expect(await again.json()).toMatchObject({ revokedAt: revoked.revokedAt });
    expect((await listed()).find((m) => m.mandateId === mandateRequestId)).toMatchObject({ revocationReason: 'merchant' });
    const announced = await namespace.query(
      `SELECT envelope->'payload' AS payload FROM ${schema()}.outbox_message WHERE envelope->>'type' = 'recurring.mandate.revoked' AND envelope->'payload'->>'mandateRequestId' = $1`,
      [mandateRequestId],
    );
    expect(announced).toEqual([{ payload: expect.objectContaining({ customerPhone: '+819012345678', reason: 'merchant' }) }]);

    const invalid = await fetch(`${engine.baseUrl}/recurring/mandates?customerPhone=0901234`, { headers: headers(merchantId) });
    expect(invalid.status).toBe(422);

    const billId = newId();
    await namespace.kafka.send(namespace.topic('billing.bill.auto-charge-requested.v1'), [
      {
        key: merchantId,
        value: JSON.stringify({
          eventId: newId(),
          type: 'billing.bill.auto-charge-requested',
          version: 1,
          occurredAt: new Date().toISOString(),
          merchantId,
          correlationId: 'it',
          payload: { billId, merchantBillNumber: 'INV-REVOKED', mandateId: mandateRequestId, amount: 2980, currency: 'JPY' },
        }),
      },
    ]);
    const declined = await pollUntil('the decline', async () => {
      const rows = await namespace.query<{ payload: { declineCode: string } }>(
        `SELECT envelope->'payload' AS payload FROM ${schema()}.outbox_message WHERE envelope->>'type' = 'recurring.bill-charge.declined' AND envelope->'payload'->>'billId' = $1`,
        [billId],
      );
      return rows[0];
    });
    expect(declined.payload.declineCode).toBe('MANDATE_REVOKED');
    expect(await namespace.query(`SELECT 1 FROM ${schema()}.charge WHERE charge_key = $1`, [`bill:${billId}`])).toHaveLength(0);
  });
});
