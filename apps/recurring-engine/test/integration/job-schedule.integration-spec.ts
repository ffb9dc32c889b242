import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { seedShop, uniqueShopId } from './recurring-test-data';

// Two engine instances share one built-in schedule firing every two seconds: each slot launches its job once.
describe('recurring-engine built-in schedule', () => {
  const namespace = new TestNamespace('recurring-schedule');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const running: ServiceProcess[] = [];
  const schedule = JSON.stringify([{ job: 'generate-charges', cron: '*/2 * * * * *', name: 'every two seconds' }]);

  const startEngine = async () => {
    const engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_SCHEDULE: schedule, RECURRING_SCHEDULE_POLL_MS: '100' }),
    ).start();
    running.push(engine);
    return engine;
  };

  afterAll(async () => {
    await Promise.all(running.map((engine) => engine.stop('SIGKILL')));
    await namespace.cleanUp();
  });

  it('launches the job once per slot when two instances watch the same schedule', async () => {
    const engines = await Promise.all([startEngine(), startEngine()]);
    await Promise.all(engines.map((engine) => engine.waitUntilReady()));
    const shopId = uniqueShopId('scheduled');
    await seedShop(namespace, shopId, 3);
    await pollUntil(
      'five slots to fire',
      async () => (await namespace.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${schema()}.job_schedule_slot`))[0].count >= 5,
      { timeoutMs: 60_000 },
    );
    await Promise.all(engines.map((engine) => engine.stop('SIGTERM')));

    const slots = await namespace.query<{ slot: Date; execution_id: string; cycle: string }>(
      `SELECT s.slot, s.execution_id, e.cycle FROM ${schema()}.job_schedule_slot s JOIN ${schema()}.job_execution e ON e.id = s.execution_id
       WHERE s.entry = 'every two seconds' ORDER BY s.slot`,
    );
    const executions = await namespace.query<{ id: string }>(`SELECT id FROM ${schema()}.job_execution WHERE job_name = 'generate-charges'`);
    // one execution per slot and no other, slots two seconds apart
    expect(executions).toHaveLength(slots.length);
    expect(new Set(slots.map((slot) => slot.execution_id)).size).toBe(slots.length);
    for (const slot of slots) expect(slot.slot.getTime() % 2000).toBe(0);
    const launchedLines = engines.flatMap((engine) => engine.logs().filter((line) => String(line.message).startsWith('launched generate-charges')));
    expect(launchedLines).toHaveLength(slots.length);
    // the cycle is the slot's month in Japan
    const japanMonth = (moment: Date) => new Date(moment.getTime() + 9 * 3600_000).toISOString().slice(0, 7);
    expect(slots.every((slot) => slot.cycle === japanMonth(slot.slot))).toBe(true);
    // the scheduled launches did their work, and the later ones found the shop's charges of the cycle made
    const charges = await namespace.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${schema()}.charge WHERE shop_id = $1`, [shopId]);
    expect(charges[0].count).toBe(3 * new Set(slots.map((slot) => slot.cycle)).size);
  });
});
