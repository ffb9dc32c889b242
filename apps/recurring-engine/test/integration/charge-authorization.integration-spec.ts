import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { seedShopWithCards, uniqueShopId } from './recurring-test-data';

const APPROVE = '4111111111111111';
const INSUFFICIENT_FUNDS = '4000000000009995';
const PROCESSOR_ERROR = '4000000000000119';

// generate-charges then authorize-charges for one cycle, against processor-sim (zero latency) started as a
// real process; the engine runs with chunks of 4.
describe('recurring-engine monthly authorization through the processor bulk API', () => {
  const namespace = new TestNamespace('recurring-authorization');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const running: ServiceProcess[] = [];
  let processor: ServiceProcess;
  let engine: ServiceProcess;

  const startEngine = async (extra: Record<string, string> = {}) => {
    const service = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '4', RECURRING_PROCESSOR_URL: processor.baseUrl, ...extra }),
    ).start();
    running.push(service);
    await service.waitUntilReady();
    return service;
  };
  const storeCard = async (merchantId: string, number: string): Promise<string> => {
    const post = (path: string, body: unknown) =>
      fetch(`${processor.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  };
  const runJob = async (service: ServiceProcess, job: string, shopId: string, cycle: string) => {
    const response = await fetch(`${service.baseUrl}/jobs/${job}/executions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycle, includeShops: [shopId] }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { executionId: string }).executionId;
  };
  const finished = (service: () => ServiceProcess, job: string, executionId: string) =>
    pollUntil(
      `${job} ${executionId} to finish`,
      async () => {
        const body = (await (await fetch(`${service().baseUrl}/jobs/${job}/executions/${executionId}`)).json()) as { status: string };
        return body.status !== 'running' ? body : undefined;
      },
      { timeoutMs: 60_000 },
    );
  const charges = (shopId: string) =>
    namespace.query<{ charge_key: string; status: string; authorization_id: string | null; decline_code: string | null; floor_limit: boolean }>(
      `SELECT charge_key, status, authorization_id, decline_code, floor_limit FROM ${schema()}.charge WHERE shop_id = $1 ORDER BY charge_key`,
      [shopId],
    );
  const processorAuthorizations = (shopId: string) =>
    namespace.query<{ idempotency_key: string; count: number }>(
      `SELECT idempotency_key, count(*)::int AS count FROM "${namespace.schema('processor')}".card_authorization WHERE merchant_id = $1 GROUP BY idempotency_key`,
      [shopId],
    );
  const events = (type: string, shopId: string) =>
    namespace.query<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM ${schema()}.outbox_message WHERE envelope->>'type' = $1 AND envelope->>'merchantId' = $2`,
      [type, shopId],
    );

  beforeAll(async () => {
    processor = new ServiceProcess('processor-sim', await freePort(), namespace.serviceEnvironment('processor')).start();
    running.push(processor);
    await processor.waitUntilReady();
    engine = await startEngine();
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    await namespace.cleanUp();
  });

  it("authorizes approved cards, declines the others with their code, keeps a processor error pending, announces each outcome and lists every charge in the shop's result file", async () => {
    const shopId = uniqueShopId('auth');
    const cards = [
      // ten approved: the charge ids cross from 9 to 10 inside the shop, which must not upset the chunk order
      ...(await Promise.all(Array.from({ length: 10 }, () => storeCard(shopId, APPROVE)))),
      await storeCard(shopId, INSUFFICIENT_FUNDS),
      await storeCard(shopId, PROCESSOR_ERROR),
    ];
    await seedShopWithCards(namespace, shopId, cards);
    expect((await finished(() => engine, 'generate-charges', await runJob(engine, 'generate-charges', shopId, '2026-02'))).status).toBe('succeeded');
    expect((await finished(() => engine, 'authorize-charges', await runJob(engine, 'authorize-charges', shopId, '2026-02'))).status).toBe('succeeded');

    const result = await charges(shopId);
    expect(result.filter((c) => c.status === 'authorized' && c.authorization_id !== null)).toHaveLength(10);
    expect(result.find((c) => c.charge_key === `def:${shopId}-def-000011:2026-02`)).toMatchObject({ status: 'declined', decline_code: '51' });
    expect(result.find((c) => c.charge_key === `def:${shopId}-def-000012:2026-02`)).toMatchObject({ status: 'pending', authorization_id: null });
    // the idempotency key the processor recorded is the charge key
    expect((await processorAuthorizations(shopId)).map((a) => a.idempotency_key).sort()).toEqual(
      result.filter((c) => c.status !== 'pending').map((c) => c.charge_key).sort(),
    );
    const authorized = await events('recurring.charge.authorized', shopId);
    expect(authorized).toHaveLength(10);
    expect(authorized[0].payload).toMatchObject({ cycle: '2026-02', amount: 1500, currency: 'JPY', floorLimit: false });
    expect(await events('recurring.charge.declined', shopId)).toEqual([{ payload: expect.objectContaining({ declineCode: '51' }) }]);
    // no card number travels in the events
    expect(JSON.stringify(authorized)).not.toContain(APPROVE);

    const file = await fetch(`${engine.baseUrl}/shops/${shopId}/cycles/2026-02/results.csv`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    const lines = (await file.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'charge_key,definition_id,card_ref,amount,currency,charge_date,status,authorization_id,decline_code,floor_limit,sale_id,captured_on,dunning_status,retry_attempts,next_retry_at,dunning_stop_reason',
    );
    expect(lines).toHaveLength(13);
    expect(lines.find((line) => line.startsWith(`def:${shopId}-def-000011:2026-02,`))).toBe(
      `def:${shopId}-def-000011:2026-02,${shopId}-def-000011,${cards[10]},1500,JPY,2026-02-27,declined,,51,false,,,,,,`,
    );
    expect(lines.join('\n')).not.toContain(APPROVE);
  });

  it('accepts every charge of a floor-limit shop without asking the processor', async () => {
    const shopId = uniqueShopId('floor');
    await seedShopWithCards(namespace, shopId, [`card_${newId()}`, `card_${newId()}`], { floorLimit: true });
    await finished(() => engine, 'generate-charges', await runJob(engine, 'generate-charges', shopId, '2026-02'));
    await finished(() => engine, 'authorize-charges', await runJob(engine, 'authorize-charges', shopId, '2026-02'));
    expect((await charges(shopId)).map((c) => [c.status, c.floor_limit, c.authorization_id])).toEqual([
      ['authorized', true, null],
      ['authorized', true, null],
    ]);
    expect(await processorAuthorizations(shopId)).toEqual([]);
    expect(await events('recurring.charge.authorized', shopId)).toHaveLength(2);
  });

  it('authorizes no card twice when killed after the processor answered and before the chunk committed', async () => {
    const shopId = uniqueShopId('crash');
    const cards = await Promise.all(Array.from({ length: 10 }, () => storeCard(shopId, APPROVE)));
    await seedShopWithCards(namespace, shopId, cards);
    await finished(() => engine, 'generate-charges', await runJob(engine, 'generate-charges', shopId, '2026-03'));
    await engine.stop('SIGTERM');

    const crashing = await startEngine({ FAILPOINTS: 'recurring.authorize.after-processor-answer' });
    const executionId = await runJob(crashing, 'authorize-charges', shopId, '2026-03');
    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    // the processor authorized the first chunk (and the second too when its request, sent while the first was
    // being written, got there before the kill); the engine recorded nothing of either
    expect([4, 8]).toContain((await processorAuthorizations(shopId)).length);
    expect((await charges(shopId)).every((c) => c.status === 'pending')).toBe(true);

    engine = await startEngine();
    expect((await finished(() => engine, 'authorize-charges', executionId)).status).toBe('succeeded');
    const result = await charges(shopId);
    expect(result.every((c) => c.status === 'authorized')).toBe(true);
    const authorizations = await processorAuthorizations(shopId);
    expect(authorizations).toHaveLength(10);
    expect(authorizations.every((a) => a.count === 1)).toBe(true);
    expect(new Set(result.map((c) => c.authorization_id)).size).toBe(10);
    expect(await events('recurring.charge.authorized', shopId)).toHaveLength(10);
  });
});
