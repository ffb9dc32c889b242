import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { seedShop, seedShopWithCards, uniqueShopId } from './recurring-test-data';

const APPROVE = '4111111111111111';

interface ExecutionBody {
  status: string;
  failedShops: string[];
  shops: { shopId: string; status: string; done: number; total: number; chunksCommitted: number; attempts: number; error: string | null }[];
}

// Partitions of a job: several shops at once per instance, a shop held by one run while it is longer than the
// consumer session timeout (another instance joining meanwhile), a failed shop marked failed and rerun alone.
describe('recurring-engine job partitions', () => {
  const namespace = new TestNamespace('recurring-partitions');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const running: ServiceProcess[] = [];
  let processorPort: number;
  let processor: ServiceProcess | undefined;

  const startProcessor = async (extra: Record<string, string> = {}) => {
    processor = new ServiceProcess('processor-sim', processorPort, namespace.serviceEnvironment('processor', extra)).start();
    running.push(processor);
    await processor.waitUntilReady();
    return processor;
  };
  const startEngine = async (extra: Record<string, string> = {}) => {
    const engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_PROCESSOR_URL: `http://127.0.0.1:${processorPort}`, ...extra }),
    ).start();
    running.push(engine);
    await engine.waitUntilReady();
    return engine;
  };
  const storeCard = async (merchantId: string): Promise<string> => {
    const post = (path: string, body: unknown) =>
      fetch(`http://127.0.0.1:${processorPort}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number: APPROVE, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  };
  const call = async (engine: ServiceProcess, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const launch = async (engine: ServiceProcess, job: string, cycle: string, includeShops: string[]) => {
    const { status, body } = await call(engine, 'POST', `/jobs/${job}/executions`, { cycle, includeShops });
    expect(status).toBe(202);
    return body.executionId as string;
  };
  const finished = (engine: ServiceProcess, job: string, executionId: string, timeoutMs = 90_000) =>
    pollUntil(
      `${job} ${executionId} to finish`,
      async () => {
        const { body } = await call(engine, 'GET', `/jobs/${job}/executions/${executionId}`);
        return body.status !== 'running' ? (body as unknown as ExecutionBody) : undefined;
      },
      { timeoutMs, intervalMs: 200 },
    );
  const charges = (shopId: string) =>
    namespace.query<{ status: string; authorization_id: string | null }>(`SELECT status, authorization_id FROM ${schema()}.charge WHERE shop_id = $1`, [shopId]);
  const processorAuthorizations = (shopId: string) =>
    namespace.query<{ idempotency_key: string; count: number }>(
      `SELECT idempotency_key, count(*)::int AS count FROM "${namespace.schema('processor')}".card_authorization WHERE merchant_id = $1 GROUP BY idempotency_key`,
      [shopId],
    );

  beforeAll(async () => {
    processorPort = await freePort();
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    await namespace.cleanUp();
  });

  it('works several shops of a job at once on one instance, as many as the job is configured for', async () => {
    const engine = await startEngine({ RECURRING_JOBS: '{"generate-charges":{"concurrency":3,"chunkSize":50}}' });
    const shops = [uniqueShopId('wide-a'), uniqueShopId('wide-b'), uniqueShopId('wide-c')];
    // big enough (120 chunks each) that the three work messages, published a moment apart, find each other running
    for (const shopId of shops) await seedShop(namespace, shopId, 6000);
    const execution = await finished(engine, 'generate-charges', await launch(engine, 'generate-charges', '2026-02', shops));
    expect(execution.status).toBe('succeeded');
    expect(execution.shops.map((shop) => shop.chunksCommitted)).toEqual([120, 120, 120]);
    // all three ran side by side: each started before any of them finished
    const [window] = await namespace.query<{ last_start: Date; first_finish: Date }>(
      `SELECT max(started_at) AS last_start, min(finished_at) AS first_finish FROM ${schema()}.job_partition WHERE shop_id = ANY($1)`,
      [shops],
    );
    expect(window.last_start.getTime()).toBeLessThan(window.first_finish.getTime());
    await engine.stop('SIGTERM');
  });

  it('keeps a shop with one run while it takes longer than the consumer session timeout and another instance joins', async () => {
    await startProcessor({ PROCESSOR_LATENCY_PROFILE: 'realistic' });
    const shopId = uniqueShopId('long');
    const cards = await Promise.all(Array.from({ length: 4 }, () => storeCard(shopId)));
    await seedShopWithCards(namespace, shopId, Array.from({ length: 160 }, (_, i) => cards[i % 4]));
    // chunks of 2 through a network answering in 50-300 ms: about 80 round trips, well past the 6 s session timeout
    const first = await startEngine({ RECURRING_CHUNK_SIZE: '2', KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '6000' });
    expect((await finished(first, 'generate-charges', await launch(first, 'generate-charges', '2026-02', [shopId]))).status).toBe('succeeded');
    const executionId = await launch(first, 'authorize-charges', '2026-02', [shopId]);
    await pollUntil('the first chunks to commit', async () => {
      const { body } = await call(first, 'GET', `/jobs/authorize-charges/executions/${executionId}`);
      return (body as unknown as ExecutionBody).shops[0].chunksCommitted >= 3;
    });
    const second = await startEngine({ RECURRING_CHUNK_SIZE: '2', KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '6000' });

    const execution = await finished(second, 'authorize-charges', executionId, 180_000);
    expect(execution.status).toBe('succeeded');
    // one run did the shop: one attempt, each chunk committed once, each card authorized once
    expect(execution.shops[0]).toMatchObject({ status: 'succeeded', done: 160, total: 160, chunksCommitted: 80, attempts: 1, error: null });
    expect((await charges(shopId)).every((charge) => charge.status === 'authorized')).toBe(true);
    const authorizations = await processorAuthorizations(shopId);
    expect(authorizations).toHaveLength(160);
    expect(authorizations.every((authorization) => authorization.count === 1)).toBe(true);
    await Promise.all([first.stop('SIGTERM'), second.stop('SIGTERM')]);
    await processor?.stop('SIGTERM');
  });

  it('marks a shop failed when its processor cannot be reached, shows it in the status, and reruns that shop alone', async () => {
    await startProcessor();
    const failing = uniqueShopId('unreachable');
    const floorLimit = uniqueShopId('floor');
    const cards = await Promise.all(Array.from({ length: 3 }, () => storeCard(failing)));
    await seedShopWithCards(namespace, failing, cards);
    await seedShopWithCards(namespace, floorLimit, ['card_a', 'card_b'], { floorLimit: true });
    const engine = await startEngine({ RECURRING_CHUNK_SIZE: '2' });
    expect((await finished(engine, 'generate-charges', await launch(engine, 'generate-charges', '2026-05', [failing, floorLimit]))).status).toBe('succeeded');
    await processor?.stop('SIGTERM');

    const executionId = await launch(engine, 'authorize-charges', '2026-05', [failing, floorLimit]);
    const failed = await finished(engine, 'authorize-charges', executionId);
    expect(failed.status).toBe('failed');
    expect(failed.failedShops).toEqual([failing]);
    const failedShop = failed.shops.find((shop) => shop.shopId === failing);
    expect(failedShop).toMatchObject({ status: 'failed', done: 0, attempts: 5 });
    expect(failedShop?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.shops.find((shop) => shop.shopId === floorLimit)).toMatchObject({ status: 'succeeded', done: 2, attempts: 1 });

    await startProcessor();
    const rerun = await call(engine, 'POST', `/jobs/authorize-charges/executions/${executionId}/shops/${failing}/rerun`);
    expect(rerun).toEqual({ status: 202, body: { executionId, shopId: failing, status: 'queued' } });
    const succeeded = await finished(engine, 'authorize-charges', executionId);
    expect(succeeded.status).toBe('succeeded');
    expect(succeeded.failedShops).toEqual([]);
    expect(succeeded.shops.find((shop) => shop.shopId === failing)).toMatchObject({ status: 'succeeded', done: 3, attempts: 6, error: null });
    // the other shop was left alone
    expect(succeeded.shops.find((shop) => shop.shopId === floorLimit)).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect((await charges(failing)).every((charge) => charge.status === 'authorized')).toBe(true);
    expect((await processorAuthorizations(failing)).every((authorization) => authorization.count === 1)).toBe(true);

    const again = await call(engine, 'POST', `/jobs/authorize-charges/executions/${executionId}/shops/${failing}/rerun`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'RECURRING_PARTITION_NOT_FAILED_CONFLICT' } });
    const unknown = await call(engine, 'POST', `/jobs/authorize-charges/executions/${executionId}/shops/${uniqueShopId('nobody')}/rerun`);
    expect(unknown.status).toBe(404);
  });
});
