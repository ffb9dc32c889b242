import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { seedShop, uniqueShopId } from './recurring-test-data';

// kill -9 right after a chunk and its checkpoint committed (failpoint recurring.job.after-chunk-commit), then a
// restart: the redelivered work message resumes after the checkpoint, nothing is lost or done twice.
describe('recurring-engine job crash recovery', () => {
  const namespace = new TestNamespace('recurring-crash');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const running: ServiceProcess[] = [];
  const shopId = uniqueShopId('crash');

  const start = async (extra: Record<string, string> = {}) => {
    const engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '10', ...extra }),
    ).start();
    running.push(engine);
    await engine.waitUntilReady();
    return engine;
  };
  const partition = async () =>
    (
      await namespace.query<{ status: string; checkpoint: string | null; records_done: string; chunks_committed: number }>(
        `SELECT status, checkpoint, records_done::text, chunks_committed FROM ${schema()}.job_partition WHERE shop_id = $1`,
        [shopId],
      )
    )[0];
  const charges = () =>
    namespace.query<{ charge_key: string }>(`SELECT charge_key FROM ${schema()}.charge WHERE shop_id = $1 ORDER BY charge_key`, [shopId]);

  afterAll(async () => {
    await Promise.all(running.map((engine) => engine.stop('SIGKILL')));
    await namespace.cleanUp();
  });

  it('resumes a shop after the last committed chunk when the process was killed, with each charge made once', async () => {
    const crashing = await start({ FAILPOINTS: 'recurring.job.after-chunk-commit' });
    await seedShop(namespace, shopId, 35);
    const response = await fetch(`${crashing.baseUrl}/jobs/generate-charges/executions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycle: '2026-04', includeShops: [shopId] }),
    });
    expect(response.status).toBe(202);
    const { executionId } = (await response.json()) as { executionId: string };

    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    // the first chunk and its checkpoint committed together, nothing after it
    expect(await partition()).toEqual({ status: 'running', checkpoint: `${shopId}-def-000010`, records_done: '10', chunks_committed: 1 });
    expect(await charges()).toHaveLength(10);

    const engine = await start();
    const finished = await pollUntil(
      'the execution to finish after the restart',
      async () => {
        const body = (await (await fetch(`${engine.baseUrl}/jobs/generate-charges/executions/${executionId}`)).json()) as {
          status: string;
          progress: { done: number; total: number };
        };
        return body.status !== 'running' ? body : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(finished.status).toBe('succeeded');
    expect(finished.progress).toMatchObject({ done: 35, total: 35 });
    // three more chunks, not four: the restart went on after the checkpoint instead of starting over
    expect(await partition()).toMatchObject({ status: 'succeeded', records_done: '35', chunks_committed: 4 });
    const keys = (await charges()).map((charge) => charge.charge_key);
    expect(keys).toHaveLength(35);
    expect(new Set(keys).size).toBe(35);
    expect(engine.logs().some((line) => String(line.message).includes(`resuming after ${shopId}-def-000010 (10 done)`))).toBe(true);
  });
});
