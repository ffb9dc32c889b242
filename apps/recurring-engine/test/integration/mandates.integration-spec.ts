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
});
