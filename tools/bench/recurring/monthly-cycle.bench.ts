// Monthly cycle of the recurring engine against processor-sim (zero-latency profile): generate-charges, then
// authorize-charges, over shops with a skewed size (the first shop holds 40 % of the members).
// Usage: npm run bench:recurring [-- <members> <shops> <chunkSize>]   (defaults: 200000 members, 20 shops, 5000)
// Starts both services as child processes in their own schemas; prints records/s per stage, end to end, and
// each process's peak resident memory (VmHWM). Skeleton: intake files, capture, settlement and result files
// are not stages yet.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, pollUntil, TestNamespace } from '@kessai/shared-testing';

const members = Number(process.argv[2] ?? 200_000);
const shops = Number(process.argv[3] ?? 20);
const chunkSize = process.argv[4] ?? '5000';
const cycle = '2026-02';

function start(namespace: TestNamespace, app: string, schema: string, port: number, extra: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', join('apps', app, 'src/main.ts')], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', ...namespace.serviceEnvironment(schema, { LOG_LEVEL: 'warn', PORT: String(port), ...extra }) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const peakMemoryMb = (pid: number | undefined) => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-recurring');
  const [processorPort, enginePort] = [await freePort(), await freePort()];
  const processorUrl = `http://127.0.0.1:${processorPort}`;
  const engineUrl = `http://127.0.0.1:${enginePort}`;
  const processor = start(namespace, 'processor-sim', 'processor', processorPort, { PROCESSOR_LATENCY_PROFILE: 'none' });
  const engine = start(namespace, 'recurring-engine', 'recurring', enginePort, { RECURRING_CHUNK_SIZE: chunkSize, RECURRING_PROCESSOR_URL: processorUrl });
  try {
    for (const url of [processorUrl, engineUrl]) {
      await pollUntil(`${url} ready`, async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200, { timeoutMs: 90_000, intervalMs: 200 });
    }
    // skewed sizes: the first shop 40 %, the others share the rest
    const sizes = Array.from({ length: shops }, (_, i) => (i === 0 ? Math.round(members * 0.4) : Math.floor((members * 0.6) / (shops - 1))));
    const schema = `"${namespace.schema('recurring')}"`;
    for (let s = 0; s < shops; s += 1) {
      const shopId = `bench-shop-${String(s).padStart(4, '0')}`;
      const cards: string[] = [];
      for (let c = 0; c < 10; c += 1) {
        const { token } = (await (await post(`${processorUrl}/v1/tokens`, { number: '4111111111111111', expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
        cards.push(((await (await post(`${processorUrl}/v1/cards`, { token, merchantId: shopId })).json()) as { cardId: string }).cardId);
      }
      await namespace.query(`INSERT INTO ${schema}.shop (id, cycle_deadline_day) VALUES ($1, 5)`, [shopId]);
      await namespace.query(
        `WITH m AS (INSERT INTO ${schema}.member (id, shop_id, external_member_id)
                    SELECT gen_random_uuid(), $1, lpad(n::text, 8, '0') FROM generate_series(1, $2::int) n RETURNING id, external_member_id)
         INSERT INTO ${schema}.recurring_definition (id, shop_id, member_id, card_ref, amount, currency, day_of_cycle, start_cycle)
         SELECT $1 || '-' || external_member_id, $1, id, ($3::text[])[1 + external_member_id::int % 10], 980, 'JPY', 27, '2026-01' FROM m`,
        [shopId, sizes[s], cards],
      );
    }
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`seeded ${shops} shops, ${total} definitions (largest shop ${sizes[0]}), chunk size ${chunkSize}`);

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
      const shopsLeft = (done as unknown as { shops: { shopId: string; done: number; total: number }[] }).shops.filter((shop) => shop.done !== shop.total);
      if (shopsLeft.length > 0) {
        console.log(`${job}: shops with records left: ${JSON.stringify(shopsLeft)}`);
        console.log(JSON.stringify(await namespace.query(`SELECT shop_id, status, count(*)::int, min(id)::text, max(id)::text FROM "${namespace.schema('recurring')}".charge GROUP BY 1, 2 ORDER BY 1, 2`)));
      }
      console.log(`${job.padEnd(18)} ${done.status} ${done.progress.done} records in ${seconds.toFixed(1)} s = ${Math.round(done.progress.done / seconds)} records/s`);
      return seconds;
    };
    const seconds = (await stage('generate-charges')) + (await stage('authorize-charges'));
    console.log(`end to end (generate + authorize) ${total} charges in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} charges/s`);
    console.log(`peak memory: recurring-engine ${peakMemoryMb(engine.pid)} MB, processor-sim ${peakMemoryMb(processor.pid)} MB`);
  } finally {
    engine.kill('SIGKILL');
    processor.kill('SIGKILL');
    await namespace.cleanUp();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
