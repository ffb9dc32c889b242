// Bulk authorization throughput of processor-sim with the zero-latency profile.
// Usage: npm run bench:processor [-- <authorizations> <cards>]   (defaults: 500000 authorizations over 1000 cards)
// Starts processor-sim in its own schema, stores the cards, streams the NDJSON request and reads the NDJSON
// answer concurrently; prints authorizations/s, p50/p99 latency per line (sent → answered) and the
// simulator's peak resident memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'node:http';
import { freePort, pollUntil, TestNamespace } from '@kessai/shared-testing';

const total = Number(process.argv[2] ?? 500_000);
const cardCount = Number(process.argv[3] ?? 1000);

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-processor');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps/processor-sim/src/main.ts')], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', ...namespace.serviceEnvironment('processor', { LOG_LEVEL: 'warn', PORT: String(port), PROCESSOR_LATENCY_PROFILE: 'none' }) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await pollUntil('processor-sim ready', async () => (await fetch(`${baseUrl}/health/ready`).catch(() => null))?.status === 200, { timeoutMs: 60_000, intervalMs: 200 });
    const cards: string[] = [];
    for (let i = 0; i < cardCount; i += 1) {
      const token = (await (await post(baseUrl, '/v1/tokens', { number: '4111111111111111', expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
      const card = (await (await post(baseUrl, '/v1/cards', { token: token.token, merchantId: `bench-${i % 10}` })).json()) as { cardId: string };
      cards.push(card.cardId);
    }
    const sentAt = new Float64Array(total);
    const latencies = new Float64Array(total);
    const run = `${Date.now()}`;
    let produced = 0;
    const body = new Readable({
      read() {
        let chunk = '';
        for (let n = 0; n < 1000 && produced < total; n += 1, produced += 1) {
          const c = produced % cardCount;
          chunk += `{"merchantId":"bench-${c % 10}","cardId":"${cards[c]}","amount":${1000 + (produced % 5000)},"currency":"JPY","idempotencyKey":"${run}-${produced}"}\n`;
        }
        const now = performance.now();
        for (let i = produced - 1000 < 0 ? 0 : produced - 1000; i < produced; i += 1) if (sentAt[i] === 0) sentAt[i] = now;
        this.push(chunk === '' ? null : chunk);
      },
    });
    const started = performance.now();
    let answered = 0;
    let errors = 0;
    await new Promise<void>((resolve, reject) => {
      const req = request(`${baseUrl}/v1/authorizations/bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let rest = '';
        res.setEncoding('utf8');
        res.on('data', (data: string) => {
          const now = performance.now();
          const lines = (rest + data).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) {
            if (line.includes('"error"')) errors += 1;
            latencies[answered] = now - sentAt[answered];
            answered += 1;
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      body.pipe(req);
    });
    const seconds = (performance.now() - started) / 1000;
    const sorted = Array.from(latencies.subarray(0, answered)).sort((a, b) => a - b);
    const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
    console.log(`processor-sim bulk authorization (latency profile none, ${cardCount} cards, one NDJSON stream)`);
    console.log(`authorizations: ${answered} answered (${errors} errors) of ${total} in ${Math.round(seconds * 100) / 100} s`);
    console.log(`throughput: ${Math.round(answered / seconds)} authorizations/s`);
    console.log(`latency per line (sent → answered): p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
    console.log(`processor-sim peak memory (VmHWM): ${Math.round(peakKb / 1024)} MiB`);
  } finally {
    child.kill('SIGKILL');
    await namespace.cleanUp();
  }
}

function post(baseUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
