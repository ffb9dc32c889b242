// A 1,000,000-line CSV import into billing-requests (target: 30 s or less, 300 MB or less peak memory).
// Usage: npm run bench:billing:import [-- <lines>]   (default 1000000)
// Writes the CSV to a temporary file (every line with a customer and mobile number, so each bill also gets its
// SMS queued and its created event in the outbox), starts billing-requests in its own schema with its SMS,
// webhook and outbox workers off (the import alone is measured), streams the file to POST /bill-imports and
// prints the time, lines/s and the service's peak resident memory.
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { cpuSeconds, machineNote, peakMemoryMiB, postgresCpuSeconds, startBillingRequests } from './bench-support';

const lines = Number(process.argv[2] ?? 1_000_000);
// The heap ceiling a billing-requests container runs with (NODE_OPTIONS, see the README): without one V8 lets
// the heap grow far past what the import needs before collecting.
const HEAP_LIMIT = '--max-old-space-size=192';

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods,customerName,customerPhone,taxAmount\n');
  for (let i = 0; i < lines; i += 1) {
    const amount = 1000 + (i % 50_000);
    const line = `B${String(i).padStart(8, '0')},${amount},JPY,2099-01-31,card|konbini,山田 太郎${i % 1000},090${String(10_000_000 + i).slice(-8)},${Math.floor(amount / 11)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const path = join(tmpdir(), `kessai-bench-bills-${process.pid}.csv`);
  await writeCsv(path);
  const { service, namespace } = await startBillingRequests('bench-billing-import', {
    SMS_DISPATCH_INTERVAL_MS: '0',
    WEBHOOK_DELIVERY_INTERVAL_MS: '0',
    BILL_JOBS_INTERVAL_MS: '0',
    OUTBOX_RELAY_ENABLED: 'false',
  }, [HEAP_LIMIT]);
  try {
    console.log(`load average before the run: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    const baseline = peakMemoryMiB(service.pid);
    const serviceCpuBefore = cpuSeconds(service.pid);
    const postgresCpuBefore = postgresCpuSeconds();
    const started = performance.now();
    const response = await fetch(`${service.baseUrl}/bill-imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-kessai-merchant-id': 'merchant-bench' },
      body: Readable.toWeb(createReadStream(path)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const result = (await response.json()) as Record<string, unknown>;
    const seconds = (performance.now() - started) / 1000;
    const serviceCpu = cpuSeconds(service.pid) - serviceCpuBefore;
    const postgresCpu = postgresCpuSeconds() - postgresCpuBefore;
    console.log(`billing-requests CSV import: ${lines} lines, ${Math.round(statSync(path).size / 1048576)} MiB, UTF-8, each bill with an SMS and an outbox event`);
    console.log(`result: status ${result.status}, accepted ${result.accepted}, duplicates ${result.duplicates}, rejected ${result.rejected}${result.error ? `, error ${result.error}` : ''}`);
    console.log(`time: ${seconds.toFixed(1)} s (${Math.round(lines / seconds)} lines/s)`);
    console.log(
      `CPU: billing-requests ${serviceCpu.toFixed(1)} s (${Math.round((serviceCpu * 1e6) / lines)} µs per line), PostgreSQL ${postgresCpu.toFixed(1)} s (${Math.round((postgresCpu * 1e6) / lines)} µs per line)`,
    );
    console.log(`billing-requests peak memory (VmHWM): ${peakMemoryMiB(service.pid)} MiB (${baseline} MiB after start-up), node ${HEAP_LIMIT}`);
    console.log(`load average after the run: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    console.log(machineNote());
  } catch (error) {
    console.error(`billing-requests output (last lines):\n${service.output.slice(-15).join('\n')}`);
    throw error;
  } finally {
    await service.stop('SIGTERM');
    await namespace.cleanUp();
    rmSync(path, { force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
