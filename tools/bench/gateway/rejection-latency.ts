// Rejection latency of the throttle gateway under a 100x burst, measured so that the generator is not part of
// it: `npm run bench:gateway:rejections` (node -r @swc-node/register tools/bench/gateway/rejection-latency.ts).
// Starts billing-requests and a gateway (bench-stack.ts); with BENCH_PIN=1 pins the gateway (all its threads) to core 1 with
// `taskset`, and runs paced-generator.main.ts in its own process pinned to core 0: 1000 requests/s evenly spaced
// for a merchant limited to 10 req/s (burst 5x, concurrency 5). Redis is shared and cannot be pinned.
// BENCH_DURATION_S (default 10), BENCH_RATE (default 1000), BENCH_PIN=1 to pin (default: not pinned).
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { startBenchStack } from './bench-stack';
import { PacedResult, percentile } from '../shared/paced-load';

const ROOT = join(__dirname, '../../..');
const DURATION = Number(process.env.BENCH_DURATION_S ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
// Unpinned by default: on 2 cores, a generator spinning on core 0 leaves the gateway, its GC and libuv threads,
// Redis, billing-requests and all other work of the machine one core to share, which measures that queue, not the gateway.
const PIN = process.env.BENCH_PIN === '1' && cpus().length >= 2;

function runGenerator(env: Record<string, string>): Promise<PacedResult> {
  const node = [process.execPath, '-r', '@swc-node/register', 'tools/bench/gateway/paced-generator.main.ts'];
  const [command, ...args] = PIN ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.json', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop() ?? '{}') as PacedResult) : reject(new Error(`generator exited ${code}`)))),
  );
}

const fmt = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));

function describe(label: string, byStatus: Record<number, number[]>): string {
  const rejected = [...(byStatus[429] ?? []), ...(byStatus[503] ?? [])].sort((a, b) => a - b);
  // Admitted requests reach billing-requests (a 404: the burst merchant reads another merchant's bill).
  const admitted = Object.entries(byStatus).filter(([status]) => status !== '429' && status !== '503').flatMap(([, list]) => list).sort((a, b) => a - b);
  return (
    `  ${label.padEnd(26)} rejections (${rejected.length}): p50 ${fmt(percentile(rejected, 0.5))}  p90 ${fmt(percentile(rejected, 0.9))}  p99 ${fmt(percentile(rejected, 0.99))}  max ${fmt(rejected[rejected.length - 1])} ms` +
    `   admitted (${admitted.length}): p50 ${fmt(percentile(admitted, 0.5))}  p99 ${fmt(percentile(admitted, 0.99))} ms`
  );
}

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-gateway-rejections');
  const services: ServiceProcess[] = [];
  try {
    const { gateway, burstKey, billPath } = await startBenchStack(namespace, services);
    if (PIN && gateway.pid) execFileSync('taskset', ['-a', '-p', '-c', '1', String(gateway.pid)], { stdio: 'ignore' });
    const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
    const result = await runGenerator({
      URL: `${gateway.baseUrl}${billPath}`,
      HEADERS: JSON.stringify({ authorization: `Bearer ${burstKey}` }),
      RATE: String(RATE),
      DURATION_S: String(DURATION),
      WARMUP_S: '3',
      SPIN: PIN ? '1' : '0',
    });
    const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
    const statuses = Object.entries(result.byStatus).map(([status, list]) => `${status}:${list.length}`).join(' ');
    process.stdout.write(
      `\nthrottle-gateway rejection latency: ${RATE} req/s paced for ${DURATION} s (after 3 s warm-up) at a merchant limited to 10 req/s (100x), ` +
        `${PIN ? 'generator pinned to core 0, gateway to core 1' : 'not pinned'}, ${cpus().length} cores shared with other work, node ${process.version}\n` +
        `load average before: ${loadBefore}   after: ${loadAfter}\n` +
        `statuses: ${statuses}${result.errors ? `  errors: ${result.errors}` : ''}   sends more than 0.5 ms late: ${result.lateSends}\n` +
        `${describe('from due time (paced)', result.byStatus)}\n` +
        `${describe('from write (client RTT)', result.fromSendByStatus)}\n`,
    );
  } finally {
    await Promise.all(services.map((s) => s.stop('SIGKILL')));
    await namespace.cleanUp();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
