import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ScreeningService, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { seedShopWithCards, uniqueShopId } from './recurring-test-data';

const APPROVE = '4111111111111111';

// authorize-charges asks credit-screening (a real process) in bulk for shops whose merchant has screening on;
// processor-sim and the engine are real processes too, on the real PostgreSQL, Redis and Kafka.
describe('recurring-engine screens charges before authorization', () => {
  const namespace = new TestNamespace('recurring-screening');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const screening = new ScreeningService(namespace);
  let processor: ServiceProcess;
  let engine: ServiceProcess;

  const storeCard = async (merchantId: string): Promise<string> => {
    const post = (path: string, body: unknown) =>
      fetch(`${processor.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number: APPROVE, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  };
  const runToEnd = async (job: string, shopId: string) => {
    const response = await fetch(`${engine.baseUrl}/jobs/${job}/executions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycle: '2026-02', includeShops: [shopId] }),
    });
    expect(response.status).toBe(202);
    const { executionId } = (await response.json()) as { executionId: string };
    return pollUntil(
      `${job} to finish`,
      async () => {
        const body = (await (await fetch(`${engine.baseUrl}/jobs/${job}/executions/${executionId}`)).json()) as { status: string };
        return body.status !== 'running' ? body : undefined;
      },
      { timeoutMs: 60_000 },
    );
  };
  const charges = (shopId: string) =>
    namespace.query<{ card_ref: string; status: string; decline_code: string | null }>(
      `SELECT card_ref, status, decline_code FROM ${schema()}.charge WHERE shop_id = $1 ORDER BY charge_key`,
      [shopId],
    );
  const sentToProcessor = (shopId: string) =>
    namespace.query<{ card_id: string }>(`SELECT card_id FROM "${namespace.schema('processor')}".card_authorization WHERE merchant_id = $1`, [shopId]);
  const declinedEvents = (shopId: string) =>
    namespace.query<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM ${schema()}.outbox_message WHERE envelope->>'type' = 'recurring.charge.declined' AND envelope->>'merchantId' = $1`,
      [shopId],
    );
  const screeningReached = (shopId: string, enabled: boolean) =>
    pollUntil('the screening setting to reach the engine', async () => {
      const rows = await namespace.query<{ enabled: boolean }>(`SELECT enabled FROM ${schema()}.merchant_screening WHERE merchant_id = $1`, [shopId]);
      return rows[0]?.enabled === enabled;
    });

  beforeAll(async () => {
    processor = new ServiceProcess('processor-sim', await freePort(), namespace.serviceEnvironment('processor')).start();
    await Promise.all([processor.waitUntilReady(), screening.start()]);
    await screening.activateRules([{ id: 'decline-blocked-card', action: 'decline', when: 'list.block.card' }]);
    engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '3', RECURRING_PROCESSOR_URL: processor.baseUrl, SCREENING_URL: screening.baseUrl }),
    ).start();
    await engine.waitUntilReady();
  });

  afterAll(async () => {
    await Promise.all([processor?.stop('SIGKILL'), engine?.stop('SIGKILL'), screening.stop()]);
    await namespace.cleanUp();
  });

  it('declines a charge on a blocked card reference without sending it to the processor, and announces the reason', async () => {
    const shopId = uniqueShopId('screened');
    const cards = await Promise.all(Array.from({ length: 5 }, () => storeCard(shopId)));
    const blocked = cards[3];
    await screening.block(shopId, 'card', blocked);
    await screening.setMerchantScreening(shopId, true);
    await screeningReached(shopId, true);
    await seedShopWithCards(namespace, shopId, cards);
    expect((await runToEnd('generate-charges', shopId)).status).toBe('succeeded');
    expect((await runToEnd('authorize-charges', shopId)).status).toBe('succeeded');

    const result = await charges(shopId);
    expect(result.find((c) => c.card_ref === blocked)).toMatchObject({ status: 'declined', decline_code: 'screening_declined' });
    expect(result.filter((c) => c.status === 'authorized')).toHaveLength(4);
    const sent = (await sentToProcessor(shopId)).map((a) => a.card_id);
    expect(sent).toHaveLength(4);
    expect(sent).not.toContain(blocked);
    expect(await declinedEvents(shopId)).toEqual([{ payload: expect.objectContaining({ cardRef: blocked, declineCode: 'screening_declined' }) }]);
  });

  it('does not screen the charges of a merchant whose screening is off', async () => {
    const shopId = uniqueShopId('unscreened');
    const cards = await Promise.all(Array.from({ length: 2 }, () => storeCard(shopId)));
    await screening.block(shopId, 'card', cards[0]);
    await screening.setMerchantScreening(shopId, false);
    await screeningReached(shopId, false);
    await seedShopWithCards(namespace, shopId, cards);
    await runToEnd('generate-charges', shopId);
    expect((await runToEnd('authorize-charges', shopId)).status).toBe('succeeded');
    expect((await charges(shopId)).map((c) => c.status)).toEqual(['authorized', 'authorized']);
  });

  it('screens a bill charged to a mandate the same way: a blocked card is declined without reaching the processor, the other is authorized', async () => {
    const shopId = uniqueShopId('screened-mandate');
    const [blocked, allowed] = await Promise.all([storeCard(shopId), storeCard(shopId)]);
    await screening.block(shopId, 'card', blocked);
    await screening.setMerchantScreening(shopId, true);
    await screeningReached(shopId, true);
    const bills = [
      { billId: newId(), mandateId: `consent-${newId()}`, cardRef: blocked },
      { billId: newId(), mandateId: `consent-${newId()}`, cardRef: allowed },
    ];
    for (const bill of bills) {
      await namespace.query(
        `INSERT INTO ${schema()}.mandate (mandate_request_id, shop_id, customer_phone, card_ref, bill_id, amount, currency, consented_at)
         VALUES ($1, $2, '+819012345678', $3, 'bill-0', 1500, 'JPY', now())`,
        [bill.mandateId, shopId, bill.cardRef],
      );
    }
    await namespace.kafka.send(
      namespace.topic('billing.bill.auto-charge-requested.v1'),
      bills.map((bill, i) => ({
        key: shopId,
        value: JSON.stringify({
          eventId: newId(),
          type: 'billing.bill.auto-charge-requested',
          version: 1,
          occurredAt: new Date().toISOString(),
          merchantId: shopId,
          correlationId: 'it',
          payload: { billId: bill.billId, merchantBillNumber: `INV-${i}`, mandateId: bill.mandateId, amount: 1500, currency: 'JPY' },
        }),
      })),
    );
    const outcome = (billId: string) =>
      namespace.query<{ status: string; decline_code: string | null }>(`SELECT status, decline_code FROM ${schema()}.charge WHERE charge_key = $1`, [`bill:${billId}`]);
    await pollUntil('both charges decided', async () => (await outcome(bills[1].billId)).length === 1 && (await outcome(bills[0].billId)).length === 1);
    expect(await outcome(bills[0].billId)).toEqual([{ status: 'declined', decline_code: 'screening_declined' }]);
    expect(await outcome(bills[1].billId)).toEqual([{ status: 'authorized', decline_code: null }]);
    expect((await sentToProcessor(shopId)).map((a) => a.card_id)).toEqual([allowed]);
  });
});
