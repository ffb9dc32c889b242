// End-to-end screening decisions over HTTP: credit-screening started as in production, 5,000 generated rules
// active, list and velocity lookups against the real PostgreSQL and Redis, driven at a fixed rate.
//   node -r @swc-node/register tools/bench/screening/http-decisions.bench.ts [--rate 1000] [--seconds 20]
import 'reflect-metadata';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { syntheticRules } from '../../screening/synthetic-rules';

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
    process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [],
  ).start();
  try {
    await service.waitUntilReady();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-kessai-merchant-id': 'merchant-7' };
    const published = await fetch(`${service.baseUrl}/rule-sets`, { method: 'POST', headers, body: JSON.stringify({ rules: syntheticRules(5000) }) });
    const { version } = (await published.json()) as { version: number };
    await fetch(`${service.baseUrl}/rule-sets/${version}/activate`, { method: 'POST', headers });
    await fetch(`${service.baseUrl}/lists/global/block/entries`, { method: 'POST', headers, body: JSON.stringify({ identity: 'card', value: 'card-13' }) });

    let sequence = 0;
    const result = await autocannon({
      url: `${service.baseUrl}/decisions`,
      method: 'POST',
      headers,
      connections: 32,
      overallRate: RATE,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (request) => {
            const n = sequence++;
            return {
              ...request,
              body: JSON.stringify({
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
              }),
            };
          },
        },
      ],
    });
    const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? 0);
    console.log(`credit-screening POST /decisions, 5000 rules active, ${RATE} requests/s offered for ${SECONDS} s`);
    console.log(`  latency  p50 ${result.latency.p50} ms   p90 ${result.latency.p90} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`);
    console.log(`  served   ${result.requests.average} requests/s average, ${result.requests.total} in all, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`  service peak RSS ${Math.round(peakKiB / 1024)} MiB`);
  } finally {
    await service.stop('SIGTERM');
    await namespace.cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
