import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

describe('billing-requests on SIGTERM', () => {
  const namespace = new TestNamespace('billing-outbox-flush');
  let service: ServiceProcess;

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await namespace.cleanUp();
  });

  it('publishes the events still in its outbox before it exits', async () => {
    // A long poll interval: the event is still waiting in the outbox when SIGTERM arrives.
    service = new ServiceProcess(
      'billing-requests',
      await freePort(),
      namespace.serviceEnvironment('billing', { OUTBOX_POLL_INTERVAL_MS: '10000' }),
    ).start();
    await service.waitUntilReady();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const response = await fetch(`${service.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': 'merchant-flush' },
      body: JSON.stringify({ merchantBillNumber: 'FLUSH-1', amount: 2000, currency: 'JPY', dueDate: '2099-01-31', allowedPaymentMethods: ['konbini'] }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [before] = await namespace.query(`SELECT published_at FROM "${namespace.schema('billing')}".outbox_message`);
    expect(before.published_at).toBeNull();

    const exit = await service.stop('SIGTERM');

    expect(exit.code).toBe(0);
    expect(exit.millisecondsToExit).toBeLessThan(10_000);
    const [after] = await namespace.query(`SELECT published_at FROM "${namespace.schema('billing')}".outbox_message`);
    expect(after.published_at).not.toBeNull();
    const published = await namespace.kafka.readAll(namespace.topic('billing.bill.created.v1'));
    expect(published.map((m) => JSON.parse(m.value ?? '{}').payload.billId)).toEqual([id]);
    expect(published[0].key).toBe('merchant-flush');
  });
});
