// Monthly cycle of the recurring engine against processor-sim: generate-charges, then authorize-charges, over
// shops of skewed sizes (a few with 200,000-300,000 members, many with about 100).
// Usage: npm run bench:recurring [-- <members> <shops> <latencyProfile> <engineInstances>]
//   defaults: 1000000 members, 1000 shops, latency profile none (or realistic), 1 engine instance
// Engine settings come from the environment as in production (RECURRING_JOBS, RECURRING_CHUNK_SIZE, ...), with
// the defaults below. Set BENCH_CPU_PROFILE=dir to write a --cpu-prof profile of each engine instance.
// Prints records/s per stage and end to end, each process's peak resident memory (VmHWM) and the load average.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort, pollUntil, TestNamespace } from '@kessai/shared-testing';

const members = Number(process.argv[2] ?? 1_000_000);
const shops = Number(process.argv[3] ?? 1000);
const latencyProfile = process.argv[4] ?? 'none';
const engineCount = Number(process.argv[5] ?? 1);
const cycle = '2026-02';
const CARDS_PER_SHOP = 2;

const engineSettings = {
  RECURRING_CHUNK_SIZE: process.env.RECURRING_CHUNK_SIZE ?? '5000',
  RECURRING_FETCH_SIZE: process.env.RECURRING_FETCH_SIZE ?? '5000',
  RECURRING_JOBS: process.env.RECURRING_JOBS ?? JSON.stringify({ 'generate-charges': { concurrency: 4 }, 'authorize-charges': { concurrency: 8 } }),
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '24',
};

function start(namespace: TestNamespace, app: string, schema: string, port: number, extra: Record<string, string>, nodeOptions: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeOptions, '-r', '@swc-node/register', join('apps', app, 'src/main.ts')], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', ...namespace.serviceEnvironment(schema, { LOG_LEVEL: 'warn', PORT: String(port), ...extra }) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const peakMemoryMb = (pid: number | undefined) => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A few shops with 200,000-300,000 members, some mid-sized ones, and all the others with about 100. */
function shopSizes(): number[] {
  const big = [0.3, 0.25, 0.2].map((share) => Math.round(members * share)).slice(0, Math.max(1, Math.min(3, shops - 1)));
  const small = Math.max(1, Math.round(Math.min(100, (members * 0.1) / Math.max(1, shops - big.length))));
  const smallCount = Math.max(0, shops - big.length - 7);
  const rest = members - big.reduce((a, b) => a + b, 0) - small * smallCount;
  const midCount = shops - big.length - smallCount;
  const mid = Array.from({ length: midCount }, (_, i) => Math.floor(rest / midCount) + (i < rest % midCount ? 1 : 0));
  return [...big, ...mid, ...Array.from({ length: smallCount }, () => small)];
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-recurring');
  const processorPort = await freePort();
  const processorUrl = `http://127.0.0.1:${processorPort}`;
  const processor = start(namespace, 'processor-sim', 'processor', processorPort, { PROCESSOR_LATENCY_PROFILE: latencyProfile });
  const engines: { child: ChildProcess; url: string }[] = [];
  for (let i = 0; i < engineCount; i += 1) {
    const port = await freePort();
    const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
    engines.push({ child: start(namespace, 'recurring-engine', 'recurring', port, { ...engineSettings, RECURRING_PROCESSOR_URL: processorUrl }, profile), url: `http://127.0.0.1:${port}` });
  }
  const engineUrl = engines[0].url;
  try {
    for (const url of [processorUrl, ...engines.map((engine) => engine.url)]) {
      await pollUntil(`${url} ready`, async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200, { timeoutMs: 120_000, intervalMs: 200 });
    }
    const sizes = shopSizes();
    const shopIds = sizes.map((_, s) => `bench-shop-${String(s).padStart(4, '0')}`);
    const cards: string[] = new Array(shops * CARDS_PER_SHOP);
    await inBatches(
      Array.from({ length: shops * CARDS_PER_SHOP }, (_, i) => i),
      32,
      async (i) => {
        const { token } = (await (await post(`${processorUrl}/v1/tokens`, { number: '4111111111111111', expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
        cards[i] = ((await (await post(`${processorUrl}/v1/cards`, { token, merchantId: shopIds[Math.floor(i / CARDS_PER_SHOP)] })).json()) as { cardId: string }).cardId;
      },
    );
    const schema = `"${namespace.schema('recurring')}"`;
    const seedStarted = performance.now();
    await namespace.query(`INSERT INTO ${schema}.shop (id, cycle_deadline_day) SELECT unnest($1::text[]), 5`, [shopIds]);
    await namespace.query(
      `WITH s AS (SELECT shop_id, size, ord FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS t(shop_id, size, ord)),
       m AS (INSERT INTO ${schema}.member (id, shop_id, external_member_id)
             SELECT gen_random_uuid(), s.shop_id, lpad(n::text, 8, '0') FROM s, generate_series(1, s.size) n RETURNING id, shop_id, external_member_id)
       INSERT INTO ${schema}.recurring_definition (id, shop_id, member_id, card_ref, amount, currency, day_of_cycle, start_cycle)
       SELECT m.shop_id || '-' || m.external_member_id, m.shop_id, m.id,
              ($3::text[])[(s.ord - 1) * ${CARDS_PER_SHOP} + 1 + m.external_member_id::int % ${CARDS_PER_SHOP}], 980, 'JPY', 27, '2026-01'
       FROM m JOIN s ON s.shop_id = m.shop_id`,
      [shopIds, sizes, cards],
    );
    await namespace.query(`ANALYZE ${schema}.recurring_definition`);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `seeded ${shops} shops, ${total} definitions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s ` +
        `(largest shops ${sizes.slice(0, 3).join(', ')}; ${sizes.filter((size) => size <= 100).length} shops of ${sizes.at(-1)}), ` +
        `processor latency ${latencyProfile}, ${engineCount} engine instance(s), ${JSON.stringify(engineSettings)}`,
    );
    console.log(`load average before: ${load()}`);

    const stage = async (job: string) => {
      const started = performance.now();
      const { executionId } = (await (await post(`${engineUrl}/jobs/${job}/executions`, { cycle })).json()) as { executionId: string };
      const done = await pollUntil(
        `${job} to finish`,
        async () => {
          const body = (await (await fetch(`${engineUrl}/jobs/${job}/executions/${executionId}`)).json()) as { status: string; progress: { done: number } };
          return body.status !== 'running' ? body : undefined;
        },
        { timeoutMs: 3_600_000, intervalMs: 250 },
      );
      const seconds = (performance.now() - started) / 1000;
      const body = done as unknown as { shops: { shopId: string; done: number; total: number }[]; failedShops: string[] };
      if (body.failedShops.length > 0) console.log(`${job}: failed shops ${body.failedShops.join(', ')}`);
      console.log(`${job.padEnd(18)} ${done.status} ${done.progress.done} records in ${seconds.toFixed(1)} s = ${Math.round(done.progress.done / seconds)} records/s (load ${load()})`);
      return seconds;
    };
    const seconds = (await stage('generate-charges')) + (await stage('authorize-charges'));
    const [{ authorized }] = await namespace.query<{ authorized: number }>(`SELECT count(*)::int AS authorized FROM ${schema}.charge WHERE status <> 'pending'`);
    console.log(`end to end (generate + authorize) ${total} charges (${authorized} decided) in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} charges/s`);
    console.log(
      `peak memory: ${engines.map((engine, i) => `recurring-engine#${i + 1} ${peakMemoryMb(engine.child.pid)} MB`).join(', ')}, processor-sim ${peakMemoryMb(processor.pid)} MB`,
    );
    console.log(`load average after: ${load()}`);
  } finally {
    for (const engine of engines) engine.child.kill(process.env.BENCH_CPU_PROFILE ? 'SIGTERM' : 'SIGKILL');
    processor.kill('SIGKILL');
    await pollUntil('the engines to exit', () => engines.every((engine) => engine.child.exitCode !== null || engine.child.signalCode !== null), { timeoutMs: 20_000 }).catch(() => undefined);
    await namespace.cleanUp();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
