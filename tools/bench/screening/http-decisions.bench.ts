// End-to-end screening decisions over HTTP: credit-screening started as in production, 5,000 generated rules
// active, list and velocity lookups against the real PostgreSQL and Redis, driven at a fixed rate.
//   node -r @swc-node/register tools/bench/screening/http-decisions.bench.ts [--rate 1000] [--seconds 20]
import 'reflect-metadata';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { syntheticRules } from '../../screening/synthetic-rules';
import { pacedLoad, percentile } from '../shared/paced-load';

const argument = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const RATE = argument('--rate', 1000);
const SECONDS = argument('--seconds', 20);
const TOKEN = 'bench-operator-token-0123456789';

async function main(): Promise<void> {
  const namespace = new TestNamespace('screening-bench');
  const service = new ServiceProcess(
    'credit-screening',
    await freePort(),
    namespace.serviceEnvironment('screening', { LOG_LEVEL: 'warn', SCREENING_OPERATOR_TOKEN: TOKEN, VELOCITY_KEY_PREFIX: `${namespace.id}:` }),
    // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the service there (open it in Chrome DevTools).
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])],
  ).start();
  try {
    await service.waitUntilReady();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-kessai-merchant-id': 'merchant-7' };
    const published = await fetch(`${service.baseUrl}/rule-sets`, { method: 'POST', headers, body: JSON.stringify({ rules: syntheticRules(5000) }) });
    const { version } = (await published.json()) as { version: number };
    await fetch(`${service.baseUrl}/rule-sets/${version}/activate`, { method: 'POST', headers });
    await fetch(`${service.baseUrl}/lists/global/block/entries`, { method: 'POST', headers, body: JSON.stringify({ identity: 'card', value: 'card-13' }) });

    const paymentBody = (n: number) =>
      JSON.stringify({
        paymentRef: `bench-${n}`,
        amount: 500 + ((n * 7919) % 200_000),
        currency: 'JPY',
        paymentMethod: ['card', 'konbini', 'wallet'][n % 3],
        cardRef: `card-${n % 5000}`,
        phone: `+8190${String(10000000 + (n % 9000))}`,
        email: `user${n % 7000}@example.com`,
        ip: `203.0.113.${n % 250}`,
        deviceId: `device-${n % 3000}`,
        billingCountry: 'JP',
        shippingCountry: n % 10 === 0 ? 'KR' : 'JP',
      });
    // Warm up (JIT, connection pools, caches) with 5 s at the same rate, not measured.
    await pacedLoad(`${service.baseUrl}/decisions`, headers, RATE, 5, 64, (n) => ({ method: 'POST', body: paymentBody(1_000_000 + n) }));
    // Evenly spaced requests; latency counts from each request's due time (no coordinated omission).
    const cpuBefore = cpuSeconds(service.pid);
    const paced = await pacedLoad(`${service.baseUrl}/decisions`, headers, RATE, SECONDS, 64, (n) => ({ method: 'POST', body: paymentBody(n) }));
    const cpuPerDecisionUs = ((cpuSeconds(service.pid) - cpuBefore) / SECONDS / RATE) * 1e6;
    const ok = (paced.byStatus[200] ?? []).sort((a, b) => a - b);
    const others = Object.entries(paced.byStatus).filter(([status]) => status !== '200').map(([status, list]) => `${status}:${list.length}`);
    // autocannon at the same rate for comparison: its overallRate sends each second's share back to back.
    let sequence = 0;
    const burst = await autocannon({
      url: `${service.baseUrl}/decisions`,
      method: 'POST',
      headers,
      connections: 32,
      overallRate: RATE,
      duration: Math.min(SECONDS, 10),
      requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: paymentBody(sequence++) }) }],
    });
    const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? 0);
    console.log(`credit-screening POST /decisions, 5000 rules active, ${RATE} requests/s offered for ${SECONDS} s`);
    const ms = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value * 100) / 100} ms`);
    console.log(`  paced    p50 ${ms(percentile(ok, 0.5))}   p90 ${ms(percentile(ok, 0.9))}   p99 ${ms(percentile(ok, 0.99))}   max ${ms(ok[ok.length - 1])}`);
    console.log(`           ${paced.requestsPerSecond} requests/s answered, ${ok.length} decisions, other statuses ${others.join(' ') || 'none'}, ${paced.errors} errors`);
    // CPU time the service spent per decision during the paced run (utime + stime): what other load cannot inflate.
    console.log(`           service CPU per decision ${Math.round(cpuPerDecisionUs)} µs (HTTP, validation, lists, velocity, model, 5000 rules, recording, span, log)`);
    console.log(`  autocannon (same rate, sent in bursts at each second's start) p50 ${burst.latency.p50} ms   p99 ${burst.latency.p99} ms   ${burst.non2xx} non-2xx`);
    // One recurring chunk: 5,000 charges in one POST /decisions/bulk (one round trip to screening and to Redis).
    const bulkMs: number[] = [];
    for (let round = 0; round < 5; round++) {
      const requests = Array.from({ length: 5000 }, (_, i) => JSON.parse(paymentBody(2_000_000 + round * 5000 + i)) as unknown);
      const started = performance.now();
      const response = await fetch(`${service.baseUrl}/decisions/bulk`, { method: 'POST', headers, body: JSON.stringify({ requests }) });
      const { results } = (await response.json()) as { results?: unknown[] };
      if (response.status !== 200 || results?.length !== 5000) {
        console.log(`  bulk     answered ${response.status}; service said: ${service.output.filter((line) => /error|fail/i.test(line)).slice(-3).join(' | ')}`);
        break;
      }
      bulkMs.push(performance.now() - started);
    }
    bulkMs.sort((a, b) => a - b);
    if (bulkMs.length === 5) console.log(`  bulk     5000 decisions per POST /decisions/bulk: median ${ms(bulkMs[2])}, best ${ms(bulkMs[0])}, worst ${ms(bulkMs[4])} (5 calls)`);
    console.log(`  service peak RSS ${Math.round(peakKiB / 1024)} MiB`);
  } finally {
    await service.stop('SIGTERM');
    await namespace.cleanUp();
  }
}

function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
