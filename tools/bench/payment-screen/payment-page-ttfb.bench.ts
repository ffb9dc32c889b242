// Payment page time to first byte with 200 concurrent customers: payment-screen started as in production,
// bills fed through Kafka (billing.bill.created.v1), each customer opening payment links (GET /p/:token)
// one after another. The first opening of each link also writes payment.payment-page.opened.v1 (outbox).
//   node -r @swc-node/register tools/bench/payment-screen/payment-page-ttfb.bench.ts [--customers 200] [--seconds 20] [--bills 5000]
import 'reflect-metadata';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

const argument = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const CUSTOMERS = argument('--customers', 200);
const SECONDS = argument('--seconds', 20);
const BILLS = argument('--bills', 5000);

async function main(): Promise<void> {
  const namespace = new TestNamespace('payment-page-bench');
  // Customer flow control stays on (its Redis round trip is part of each page) with limits no run reaches.
  const limits = { PAYMENT_FLOW_RATE_PER_SECOND: '100000', PAYMENT_FLOW_CONCURRENCY: '100000', PAYMENT_FLOW_KEY_PREFIX: `${namespace.id}:` };
  const service = new ServiceProcess('payment-screen', await freePort(), namespace.serviceEnvironment('payment', { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20', ...limits })).start();
  try {
    await service.waitUntilReady();
    const tokens = await createBills(namespace, BILLS);

    // Time to first byte: undici resolves a request when the status line and headers arrive.
    const pool = new Pool(service.baseUrl, { connections: CUSTOMERS, pipelining: 1 });
    const firstByte: number[] = [];
    const complete: number[] = [];
    let failures = 0;
    let next = 0;
    const until = Date.now() + SECONDS * 1000;
    const customer = async () => {
      while (Date.now() < until) {
        const token = tokens[next++ % tokens.length];
        const started = process.hrtime.bigint();
        const response = await pool.request({ method: 'GET', path: `/p/${token}`, headers: { 'accept-language': 'ja' } });
        firstByte.push(Number(process.hrtime.bigint() - started) / 1e6);
        await response.body.text();
        complete.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (response.statusCode !== 200) failures += 1;
      }
    };
    await Promise.all(Array.from({ length: CUSTOMERS }, customer));
    await pool.close();
    const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? 0);

    // The same load through autocannon (already opened links now), for its throughput figures.
    let sequence = 0;
    const cannon = await autocannon({
      url: service.baseUrl,
      connections: CUSTOMERS,
      duration: Math.max(5, Math.round(SECONDS / 2)),
      requests: [{ setupRequest: (request) => ({ ...request, path: `/p/${tokens[sequence++ % tokens.length]}` }) }],
    });

    const opened = await namespace.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${namespace.schema('payment')}".payment_page WHERE opened_at IS NOT NULL`);
    console.log(`payment-screen GET /p/:token, ${CUSTOMERS} concurrent customers for ${SECONDS} s, ${BILLS} bills (${opened[0].n} first openings published)`);
    console.log(`  time to first byte  p50 ${pct(firstByte, 50)} ms   p90 ${pct(firstByte, 90)} ms   p99 ${pct(firstByte, 99)} ms   max ${pct(firstByte, 100)} ms`);
    console.log(`  full page           p50 ${pct(complete, 50)} ms   p99 ${pct(complete, 99)} ms`);
    console.log(`  served              ${Math.round(firstByte.length / SECONDS)} pages/s, ${firstByte.length} in all, ${failures} not 200`);
    console.log(`  autocannon (${CUSTOMERS} connections, opened links)  ${cannon.requests.average} req/s, latency p50 ${cannon.latency.p50} ms p99 ${cannon.latency.p99} ms, ${cannon.non2xx} non-2xx, ${cannon.errors} errors`);
    console.log(`  service peak RSS    ${Math.round(peakKiB / 1024)} MiB`);
  } finally {
    await service.stop('SIGTERM');
    await namespace.cleanUp();
  }
}

/** Bills arrive as billing publishes them; returns their link tokens once every page exists. */
async function createBills(namespace: TestNamespace, count: number): Promise<string[]> {
  const tokens: string[] = [];
  const messages = Array.from({ length: count }, (_, i) => {
    const token = randomBytes(16).toString('base64url');
    tokens.push(token);
    const merchantId = `merchant-${i % 20}`;
    const envelope = {
      eventId: newId(),
      type: 'billing.bill.created',
      version: 1,
      occurredAt: new Date().toISOString(),
      merchantId,
      correlationId: `bench-${i}`,
      payload: {
        billId: newId(),
        merchantBillNumber: `BENCH-${i}`,
        amount: 1000 + i,
        currency: 'JPY',
        dueDate: '2099-12-31',
        allowedPaymentMethods: ['card', 'konbini', 'wallet'],
        customerName: '山田 太郎',
        taxAmount: 90,
        lineItems: [{ description: '月額利用料', quantity: 1, unitAmount: 1000 + i }],
        message: 'いつもご利用ありがとうございます。',
        paymentLinkToken: token,
        paymentLinkExpiresAt: '2099-12-31T14:59:59Z',
      },
    };
    return { key: merchantId, value: JSON.stringify(envelope) };
  });
  for (let i = 0; i < messages.length; i += 1000) await namespace.kafka.send(namespace.topic('billing.bill.created.v1'), messages.slice(i, i + 1000));
  await pollUntil(
    `${count} payment pages`,
    async () => (await namespace.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${namespace.schema('payment')}".payment_page`))[0].n >= count,
    { timeoutMs: 300_000, intervalMs: 500 },
  );
  return tokens;
}

function pct(values: number[], percentile: number): string {
  if (values.length === 0) return '-';
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((percentile / 100) * sorted.length) - 1)].toFixed(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
