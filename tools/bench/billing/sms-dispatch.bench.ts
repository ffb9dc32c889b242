// SMS dispatch rate: N bills imported with a mobile number (SMS queued, dispatcher off), then the dispatcher is
// started with a high sending rate (10,000/s, one shared slot per message) and the development inbox provider (one INSERT per message), so
// what is measured is the queue loop itself (lock, send, mark sent, bill → sent, billing.bill.sent event).
// Usage: npm run bench:billing:sms [-- <messages>]   (default 20000)
import { machineNote, peakMemoryMiB, startBillingRequests } from './bench-support';
import { pollUntil, ServiceProcess } from '@kessai/shared-testing';

const MESSAGES = Number(process.argv[2] ?? 20_000);

async function main(): Promise<void> {
  const env = { SMS_WINDOW_START_HOUR: '0', SMS_WINDOW_END_HOUR: '24', WEBHOOK_DELIVERY_INTERVAL_MS: '0', BILL_JOBS_INTERVAL_MS: '0' };
  const { service: loader, namespace } = await startBillingRequests('bench-billing-sms', { ...env, SMS_DISPATCH_INTERVAL_MS: '0' });
  let service: ServiceProcess | undefined;
  try {
    let csv = 'merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods,customerPhone\n';
    for (let i = 0; i < MESSAGES; i += 1) csv += `S${i},1000,JPY,2099-01-31,card,090${String(10_000_000 + i).slice(-8)}\n`;
    const imported = (await (
      await fetch(`${loader.baseUrl}/bill-imports`, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-kessai-merchant-id': 'merchant-bench' }, body: csv })
    ).json()) as { accepted: number };
    await loader.stop('SIGTERM');

    const table = `"${namespace.schema('billing')}".sms_message`;
    service = new ServiceProcess('billing-requests', loader.port, namespace.serviceEnvironment('billing', { ...env, LOG_LEVEL: 'warn', SMS_DISPATCH_INTERVAL_MS: '10', SMS_RATE_PER_SECOND: '10000' })).start();
    const started = performance.now();
    await service.waitUntilReady();
    await pollUntil(
      'every SMS to be sent',
      async () => Number((await namespace.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE status = 'queued'`))[0].n) === 0,
      { timeoutMs: 600_000, intervalMs: 250 },
    );
    const seconds = (performance.now() - started) / 1000;
    const [sent] = await namespace.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE status = 'sent'`);
    console.log(`billing-requests SMS dispatch: ${imported.accepted} queued SMS, development inbox provider, sending rate 10000/s, batches of 100`);
    console.log(`  sent ${sent.n} in ${seconds.toFixed(1)} s (including start-up) = ${Math.round(Number(sent.n) / seconds)} SMS/s`);
    console.log(`  service peak RSS ${peakMemoryMiB(service.pid)} MiB`);
    console.log(`  ${machineNote()}`);
  } finally {
    await service?.stop('SIGTERM');
    await namespace.cleanUp();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
