import { randomUUID } from 'node:crypto';
import { newId } from '@kessai/shared-ids';
import { freePort, OtlpReceiver, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

// billing-requests publishes billing.bill.created.v1 through its outbox; payment-screen consumes it and
// prepares a payment page. Both run as real processes against the real PostgreSQL and Kafka.
describe('messaging guarantees between billing-requests and payment-screen', () => {
  const namespace = new TestNamespace('messaging-guarantees');
  const otlp = new OtlpReceiver();
  const running: ServiceProcess[] = [];
  const merchantId = `merchant-${randomUUID().slice(0, 8)}`;
  const topic = namespace.topic('billing.bill.created.v1');
  const deadLetters = namespace.topic('payment-screen.prepare-payment-page-when-bill-created.dlq');
  let otlpEndpoint: string;
  let billing: ServiceProcess;
  let payment: ServiceProcess;

  const start = async (app: string, schemaOf: string, extra: Record<string, string> = {}) => {
    const service = new ServiceProcess(
      app,
      await freePort(),
      namespace.serviceEnvironment(schemaOf, {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        ...extra,
      }),
    ).start();
    running.push(service);
    return service;
  };

  const createBill = async (service: ServiceProcess, headers: Record<string, string> = {}) => {
    const response = await fetch(`${service.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId, ...headers },
      body: JSON.stringify({
        merchantBillNumber: `INV-${randomUUID()}`,
        amount: 1500,
        currency: 'JPY',
        dueDate: '2099-12-31',
        allowedPaymentMethods: ['card', 'konbini'],
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  const paymentPages = (billId: string) =>
    namespace.query(`SELECT * FROM "${namespace.schema('payment')}".payment_page WHERE bill_id = $1`, [billId]);
  const outboxRow = async (billId: string) =>
    (
      await namespace.query<{ event_id: string; published_at: Date | null }>(
        `SELECT event_id, published_at FROM "${namespace.schema('billing')}".outbox_message WHERE envelope->'payload'->>'billId' = $1`,
        [billId],
      )
    )[0];
  const inboxRows = (eventId: string) =>
    namespace.query(`SELECT * FROM "${namespace.schema('payment')}".inbox_message WHERE event_id = $1`, [eventId]);
  const deadLettersOf = async (eventId: string) =>
    (await namespace.kafka.readAll(deadLetters)).filter((m) => m.value?.includes(eventId));
  const messagesFor = async (billId: string) =>
    (await namespace.kafka.readAll(topic)).filter((m) => m.value?.includes(billId));

  beforeAll(async () => {
    otlpEndpoint = await otlp.start();
    payment = await start('payment-screen', 'payment');
    await payment.waitUntilReady();
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    await otlp.stop();
    await namespace.cleanUp();
  });

  it('delivers an event whose relay was killed between the database commit and the publish, and applies it once', async () => {
    const crashing = await start('billing-requests', 'billing', { FAILPOINTS: 'outbox.before-publish' });
    await crashing.waitUntilReady();
    const billId = await createBill(crashing);

    const exit = await crashing.waitForExit();
    expect(exit.signal).toBe('SIGKILL');
    const pending = await outboxRow(billId);
    expect(pending.published_at).toBeNull();
    expect(await messagesFor(billId)).toHaveLength(0);
    expect(await paymentPages(billId)).toHaveLength(0);

    billing = await start('billing-requests', 'billing');
    await billing.waitUntilReady();
    await pollUntil('the payment page of the bill', async () => (await paymentPages(billId)).length > 0);
    await pollUntil('the outbox row marked published', async () => (await outboxRow(billId)).published_at !== null);
    expect(await messagesFor(billId)).toHaveLength(1);
    expect(await paymentPages(billId)).toHaveLength(1);
    expect(await inboxRows(pending.event_id)).toHaveLength(1);
  });

  it('applies once an event the relay published twice because it died before marking it published', async () => {
    await billing.stop('SIGTERM');
    const crashing = await start('billing-requests', 'billing', { FAILPOINTS: 'outbox.after-publish' });
    await crashing.waitUntilReady();
    const billId = await createBill(crashing);
    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    expect((await outboxRow(billId)).published_at).toBeNull();

    billing = await start('billing-requests', 'billing');
    await billing.waitUntilReady();
    await pollUntil('the event published a second time', async () => (await messagesFor(billId)).length === 2);
    const [first, second] = await messagesFor(billId);
    expect(first.headers['event-id']).toBe(second.headers['event-id']);

    // A later event for the same merchant lands on the same partition after both copies: once it is applied,
    // both copies of the earlier one have been consumed.
    const laterBillId = await createBill(billing);
    await pollUntil('the later bill to be applied', async () => (await paymentPages(laterBillId)).length > 0);
    expect(await paymentPages(billId)).toHaveLength(1);
    expect(await inboxRows(first.headers['event-id'])).toHaveLength(1);
    expect(await deadLettersOf(first.headers['event-id'])).toHaveLength(0);
  });

  it('applies once an event whose consumer died after its database commit but before committing the offset', async () => {
    await payment.stop('SIGTERM');
    const crashing = await start('payment-screen', 'payment', { FAILPOINTS: 'consumer.after-commit' });
    await crashing.waitUntilReady();
    const billId = await createBill(billing);
    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    expect(await paymentPages(billId)).toHaveLength(1);

    payment = await start('payment-screen', 'payment', { LOG_LEVEL: 'debug' });
    await payment.waitUntilReady();
    const eventId = (await outboxRow(billId)).event_id;
    await pollUntil('the redelivered event to be recognised and skipped', () =>
      payment.output.some((line) => line.includes(`event ${eventId} was applied before; skipped`)),
    );
    expect(await paymentPages(billId)).toHaveLength(1);
    expect(await inboxRows(eventId)).toHaveLength(1);
    expect(await deadLettersOf(eventId)).toHaveLength(0);
  });

  it('applies the same event delivered twice only once', async () => {
    const billId = newId();
    const event = envelope(billId);
    await namespace.kafka.send(topic, [
      { key: merchantId, value: JSON.stringify(event) },
      { key: merchantId, value: JSON.stringify(event) },
      { key: merchantId, value: JSON.stringify(envelope(newId(), 'SENTINEL')) },
    ]);
    // The sentinel follows both copies on the same partition: once it is applied, both copies were consumed.
    await pollUntil('the sentinel event to be applied', () => sentinelApplied());
    expect(await paymentPages(billId)).toHaveLength(1);
    expect(await inboxRows(event.eventId)).toHaveLength(1);
    expect(await deadLettersOf(event.eventId)).toHaveLength(0);
  });

  it('dead-letters malformed events with their reason and original headers, and goes on with the next', async () => {
    const validBillId = newId();
    const invalid = envelope(newId());
    (invalid.payload as { amount: number }).amount = 12.5;
    await namespace.kafka.send(topic, [
      { key: merchantId, value: '{"not json', headers: { 'x-origin': 'garbage-test' } },
      { key: merchantId, value: JSON.stringify(invalid), headers: { 'x-origin': 'invalid-test' } },
      { key: merchantId, value: JSON.stringify(envelope(validBillId)) },
    ]);

    await pollUntil('the valid event after the bad ones to be applied', async () => (await paymentPages(validBillId)).length > 0);
    const dead = await pollUntil('two dead letters', async () => {
      const messages = await namespace.kafka.readAll(deadLetters);
      return messages.length >= 2 ? messages : undefined;
    });
    const byOrigin = Object.fromEntries(dead.map((m) => [m.headers['x-origin'], m]));
    expect(byOrigin['garbage-test'].headers['dlq-reason']).toBe('the message is not valid JSON');
    expect(byOrigin['garbage-test'].value).toBe('{"not json');
    expect(byOrigin['invalid-test'].headers['dlq-reason']).toContain('payload: amount: amount must be an integer');
    expect(byOrigin['invalid-test'].headers['dlq-original-topic']).toBe(topic);
    expect(byOrigin['invalid-test'].headers['dlq-consumer']).toBe('payment-screen.prepare-payment-page-when-bill-created');
    expect(await paymentPages((invalid.payload as { billId: string }).billId)).toHaveLength(0);
  });

  it('continues the trace of an HTTP request in the consumer of the event it caused', async () => {
    const traceId = randomUUID().replace(/-/g, '');
    const callerSpanId = randomUUID().replace(/-/g, '').slice(0, 16);
    const billId = await createBill(billing, { traceparent: `00-${traceId}-${callerSpanId}-01` });
    await pollUntil('the payment page of the traced bill', async () => (await paymentPages(billId)).length > 0);

    const spans = await pollUntil('the consumer span to be exported', () => {
      const inTrace = otlp.spans.filter((s) => s.traceId === traceId);
      return inTrace.some((s) => s.service === 'payment-screen') ? inTrace : undefined;
    });
    const server = spans.find((s) => s.service === 'billing-requests' && s.name === 'POST /bills');
    const producer = spans.find((s) => s.service === 'billing-requests' && s.name.endsWith('publish'));
    const consumer = spans.find((s) => s.service === 'payment-screen' && s.name.endsWith('process'));
    expect(server?.parentSpanId).toBe(callerSpanId);
    expect(producer).toBeDefined();
    expect(consumer?.parentSpanId).toBe(producer?.spanId);
  });

  async function sentinelApplied(): Promise<boolean> {
    const rows = await namespace.query(
      `SELECT 1 FROM "${namespace.schema('payment')}".payment_page WHERE merchant_id = $1 AND amount = 777`,
      [merchantId],
    );
    return rows.length > 0;
  }

  function envelope(billId: string, label = 'BILL') {
    return {
      eventId: newId(),
      type: 'billing.bill.created',
      version: 1,
      occurredAt: new Date().toISOString(),
      merchantId,
      correlationId: `test-${label}`,
      payload: {
        billId,
        merchantBillNumber: `${label}-${billId}`,
        amount: label === 'SENTINEL' ? 777 : 1500,
        currency: 'JPY',
        dueDate: '2099-12-31',
        allowedPaymentMethods: ['card'],
      },
    };
  }
});
