// POST /bills at a fixed offered rate (default 300 requests/s for 30 s), each bill with a customer and mobile
// number (so each also queues its SMS), through autocannon; prints p50/p90/p99 latency and what was served.
// Usage: npm run bench:billing:create [-- <requests/s> <seconds>]
import autocannon from 'autocannon';
import { machineNote, peakMemoryMiB, startBillingRequests } from './bench-support';

const RATE = Number(process.argv[2] ?? 300);
const SECONDS = Number(process.argv[3] ?? 30);

async function main(): Promise<void> {
  // Workers on, as in production: the outbox relay publishes to Kafka, the SMS dispatcher sends to the inbox.
  const { service, namespace } = await startBillingRequests('bench-billing-create', { SMS_WINDOW_START_HOUR: '0', SMS_WINDOW_END_HOUR: '24', SMS_RATE_PER_SECOND: '1000' });
  try {
    let sequence = 0;
    const run = Date.now().toString(36);
    const result = await autocannon({
      url: `${service.baseUrl}/bills`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': 'merchant-bench' },
      connections: 32,
      overallRate: RATE,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (request) => {
            const n = sequence++;
            return {
              ...request,
              headers: { ...request.headers, 'idempotency-key': `${run}-${n}` },
              body: JSON.stringify({
                merchantBillNumber: `${run}-${n}`,
                amount: 1000 + (n % 50_000),
                currency: 'JPY',
                taxAmount: 90,
                dueDate: '2099-01-31',
                allowedPaymentMethods: ['card', 'konbini'],
                customerName: '山田 太郎',
                customerPhone: `090${String(10_000_000 + (n % 89_999_999)).slice(-8)}`,
                message: '11月分のご請求です',
              }),
            };
          },
        },
      ],
    });
    console.log(`billing-requests POST /bills (with Idempotency-Key, customer phone: SMS queued), ${RATE} requests/s offered for ${SECONDS} s, 32 connections`);
    console.log(`  latency  p50 ${result.latency.p50} ms   p90 ${result.latency.p90} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`);
    console.log(`  served   ${result.requests.average} requests/s average, ${result.requests.total} in all, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`  service peak RSS ${peakMemoryMiB(service.pid)} MiB`);
    console.log(`  ${machineNote()}`);
  } finally {
    await service.stop('SIGTERM');
    await namespace.cleanUp();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
