// CPU profile of the throttle gateway under load: `npm run bench:gateway:profile`
// (node -r @swc-node/register tools/bench/gateway/profile.ts). Starts billing-requests and one gateway with
// `--cpu-prof`, sends a saturating burst of rejections (a merchant limited to 10 req/s) and then admitted reads,
// stops the gateway with SIGTERM (Node writes the profile on exit) and prints the self time by function.
// PROFILE_SCENARIO=rejections|admitted|both (default both), BENCH_DURATION_S (default 8).
import autocannon from 'autocannon';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { startBenchStack } from './bench-stack';

const ROOT = join(__dirname, '../../..');
const DURATION = Number(process.env.BENCH_DURATION_S ?? 8);
const SCENARIO = process.env.PROFILE_SCENARIO ?? 'both';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
}

/**
 * Self time per function (name + file:line) and per package, in percent of the samples taken in the last
 * `windowSeconds` of the profile (the load, not the start-up), the top `limit` of them.
 */
export function selfTimeByFunction(profile: CpuProfile, windowSeconds: number, limit = 30): string[] {
  const hits = new Map<number, number>();
  let at = profile.endTime;
  let total = 0;
  for (let i = profile.samples.length - 1; i >= 0 && profile.endTime - at <= windowSeconds * 1e6; i -= 1) {
    hits.set(profile.samples[i], (hits.get(profile.samples[i]) ?? 0) + 1);
    total += 1;
    at -= profile.timeDeltas[i];
  }
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const url = node.callFrame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '').replace(/^.*node_modules\//, '');
    const name = `${node.callFrame.functionName || '(anonymous)'}  ${url}${url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  }
  const byPackage = new Map<string, number>();
  for (const [name, count] of byFunction) {
    const file = name.split('  ')[1] ?? '';
    const pkg = file.startsWith('node:') ? 'node: core' : file === '' ? '(native/gc/idle)' : file.startsWith('libs/') || file.startsWith('apps/') ? file.split('/').slice(0, 3).join('/') : file.split('/').slice(0, file.startsWith('@') ? 2 : 1).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const pct = (count: number) => `${((count * 100) / total).toFixed(1).padStart(5)}%`;
  return [
    `samples in the last ${windowSeconds} s: ${total}`,
    'self time by package/folder:',
    ...[...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, count]) => `  ${pct(count)}  ${name}`),
    'self time by function:',
    ...[...byFunction].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, count]) => `  ${pct(count)}  ${name}`),
  ];
}

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-gateway-profile');
  const dir = join(ROOT, 'tmp', `gateway-profile-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const services: ServiceProcess[] = [];
  try {
    const { gateway, openKey, burstKey, billPath: path } = await startBenchStack(namespace, services, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    if (SCENARIO !== 'admitted') {
      const result = await autocannon({ url: `${gateway.baseUrl}${path}`, connections: 100, duration: DURATION, headers: { authorization: `Bearer ${burstKey}` } });
      process.stdout.write(`rejections: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms\n`);
    }
    if (SCENARIO !== 'rejections') {
      const result = await autocannon({ url: `${gateway.baseUrl}${path}`, connections: 32, duration: DURATION, headers: { authorization: `Bearer ${openKey}` } });
      process.stdout.write(`admitted: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms\n`);
    }
    const exit = await gateway.stop('SIGTERM');
    process.stdout.write(`gateway exited ${exit.code}\n`);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${dir}`);
    process.stdout.write(`profile: ${join(dir, file)}\n`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    process.stdout.write(selfTimeByFunction(profile, (SCENARIO === 'both' ? 2 : 1) * DURATION).join('\n') + '\n');
  } finally {
    await Promise.all(services.map((s) => s.stop('SIGKILL').catch(() => undefined)));
    await namespace.cleanUp();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`profile failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
