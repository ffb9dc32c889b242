import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { seedShop, uniqueShopId } from './recurring-test-data';

interface ExecutionBody {
  executionId: string;
  status: string;
  dryRun: boolean;
  progress: { done: number; total: number; shopsDone: number; shopsTotal: number; ratePerSecond: number; etaSeconds: number | null };
  shops?: { shopId: string; status: string; done: number; total: number; chunksCommitted: number }[];
}

describe('recurring-engine jobs: launched over HTTP, one work message per shop, chunks of RECURRING_CHUNK_SIZE', () => {
  const namespace = new TestNamespace('recurring-jobs');
  const schema = () => `"${namespace.schema('recurring')}"`;
  let engine: ServiceProcess;
  const bigShop = uniqueShopId('big');
  const smallShop = uniqueShopId('small');
  const excludedShop = uniqueShopId('excluded');

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const launch = async (body: Record<string, unknown>) => {
    const { status, body: answer } = await call('POST', '/jobs/generate-charges/executions', body);
    expect(status).toBe(202);
    return answer as { executionId: string; shops: number };
  };
  const finished = (executionId: string) =>
    pollUntil(`execution ${executionId} to finish`, async () => {
      const { body } = await call('GET', `/jobs/generate-charges/executions/${executionId}`);
      const execution = body as ExecutionBody;
      return execution.status !== 'running' ? execution : undefined;
    });
  const charges = (shopId: string) =>
    namespace.query<{ charge_key: string; status: string; amount: string; charge_date: string }>(
      `SELECT charge_key, status, amount::text, to_char(charge_date, 'YYYY-MM-DD') AS charge_date FROM ${schema()}.charge WHERE shop_id = $1 ORDER BY charge_key`,
      [shopId],
    );

  beforeAll(async () => {
    engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '10', RECURRING_PROGRESS_LOG_EVERY: '20' }),
    ).start();
    await engine.waitUntilReady();
    await seedShop(namespace, bigShop, 45);
    await seedShop(namespace, smallShop, 3, { endCycle: '2026-01' });
    await seedShop(namespace, excludedShop, 4);
  });

  afterAll(async () => {
    await engine?.stop('SIGTERM');
    await namespace.cleanUp();
  });

  it('generates one pending charge per active definition of each included shop, keyed by definition and cycle', async () => {
    const { executionId, shops } = await launch({ cycle: '2026-02', includeShops: [bigShop, smallShop] });
    expect(shops).toBe(2);
    const execution = await finished(executionId);
    expect(execution.status).toBe('succeeded');
    expect(execution.progress).toMatchObject({ done: 45, total: 45, shopsDone: 2, shopsTotal: 2 });
    expect(execution.shops).toEqual(
      expect.arrayContaining([
        { shopId: bigShop, status: 'succeeded', done: 45, total: 45, chunksCommitted: 5, attempts: 1, error: null },
        // the small shop's definitions ended with January: nothing to charge in February
        { shopId: smallShop, status: 'succeeded', done: 0, total: 0, chunksCommitted: 0, attempts: 1, error: null },
      ]),
    );
    const generated = await charges(bigShop);
    expect(generated).toHaveLength(45);
    expect(generated[0]).toEqual({ charge_key: `def:${bigShop}-def-000001:2026-02`, status: 'pending', amount: '1001', charge_date: '2026-02-28' });
    expect(await charges(excludedShop)).toHaveLength(0);
  });

  it('logs the progress of a shop as it passes each mark', async () => {
    const progressLines = await pollUntil('progress log lines', () => {
      const lines = engine.logs().filter((line) => String(line.message).includes(`generate-charges ${bigShop} 2026-02: `) && String(line.message).includes('/45 records,'));
      return lines.length >= 2 ? lines : undefined;
    });
    expect(progressLines.map((line) => String(line.message).split(': ')[1].split(' ')[0])).toEqual(['20/45', '40/45']);
  });

  it('runs every shop but the excluded ones, and a rerun creates no second charge for the same definition and cycle', async () => {
    const { executionId } = await launch({ cycle: '2026-02', excludeShops: [excludedShop] });
    const execution = await finished(executionId);
    expect(execution.status).toBe('succeeded');
    expect(execution.progress.shopsTotal).toBe(2);
    expect(await charges(bigShop)).toHaveLength(45);
    expect(await charges(excludedShop)).toHaveLength(0);
  });

  it('counts in a dry run and writes nothing', async () => {
    const { executionId } = await launch({ cycle: '2026-03', includeShops: [excludedShop], dryRun: true });
    const execution = await finished(executionId);
    expect(execution).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(execution.progress).toMatchObject({ done: 4, total: 4 });
    expect(await charges(excludedShop)).toHaveLength(0);
  });

  it('lists a job history, newest first', async () => {
    const { status, body } = await call('GET', '/jobs/generate-charges/executions?limit=2');
    expect(status).toBe(200);
    const history = body as ExecutionBody[];
    expect(history).toHaveLength(2);
    expect(history[0].dryRun).toBe(true);
  });

  it('refuses an unknown job, and a cycle that is not a month, naming the field', async () => {
    const unknown = await call('POST', '/jobs/polish-the-moon/executions', { cycle: '2026-02' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'RECURRING_JOB_NOT_FOUND' } });
    const badCycle = await call('POST', '/jobs/generate-charges/executions', { cycle: '2026-2' });
    expect(badCycle.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(badCycle.body)).toContain('cycle');
  });

  it("keeps a shop's settings and tells its upload deadline on the 10th, Japan time", async () => {
    const shopId = uniqueShopId('settings');
    const saved = await call('PUT', `/shops/${shopId}`, { cycleDeadlineDay: 10, floorLimitEligible: true, immediateQuota: 20000 });
    expect(saved.status).toBe(200);
    const { status, body } = await call('GET', `/shops/${shopId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ shopId, cycleDeadlineDay: 10, floorLimitEligible: true, immediateQuota: 20000 });
    expect((body as { currentCycle: { uploadDeadline: string } }).currentCycle.uploadDeadline).toMatch(/^\d{4}-\d{2}-10T15:00:00\.000Z$/);
  });

  it('refuses a deadline on another day than the 5th or the 10th, naming the field, and an unknown shop', async () => {
    const refused = await call('PUT', `/shops/${uniqueShopId('bad')}`, { cycleDeadlineDay: 15, floorLimitEligible: false, immediateQuota: 0 });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body)).toContain('cycleDeadlineDay');
    expect((await call('GET', `/shops/${uniqueShopId('nobody')}`)).status).toBe(404);
  });
});
