// A charge file of N lines (default 2,000,000) uploaded to the recurring engine (POST /recurring/files),
// generated and sent as a stream (never whole in memory on either side), through decoding, parsing, COPY
// into staging and the set-based merge. Prints lines/s and the engine's peak resident memory (VmHWM) before
// and after, to show memory stays flat with the file's size.
// Usage: node -r @swc-node/register tools/bench/recurring/charge-file-intake.bench.ts [lines] [members]
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { freePort, pollUntil, TestNamespace } from '@kessai/shared-testing';

const lines = Number(process.argv[2] ?? 2_000_000);
const members = Number(process.argv[3] ?? 100_000);
const cycle = `${new Date().getUTCFullYear() + 1}-01`;

const peakMemoryMb = (pid: number | undefined) => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};
const currentMemoryMb = (pid: number | undefined) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};

/** The file, generated 10,000 lines at a time, no two lines alike; one line in 1,000 is bad (an amount with decimals). */
function chargeFile(): Readable {
  let next = 0;
  return Readable.from(
    (function* () {
      yield Buffer.from('member_id,amount,currency,charge_day\n');
      while (next < lines) {
        const end = Math.min(next + 10_000, lines);
        let text = '';
        for (let i = next; i < end; i += 1) text += `M${String(i % members).padStart(8, '0')},${i % 1000 === 999 ? '10.5' : 1000 + i},JPY,${1 + (i % 28)}\n`;
        next = end;
        yield Buffer.from(text);
      }
    })(),
  );
}

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-intake');
  const port = await freePort();
  const engineUrl = `http://127.0.0.1:${port}`;
  const engine: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', 'recurring-engine', 'src/main.ts')], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', ...namespace.serviceEnvironment('recurring', { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', PORT: String(port) }) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await pollUntil('engine ready', async () => (await fetch(`${engineUrl}/health/ready`).catch(() => null))?.status === 200, { timeoutMs: 90_000, intervalMs: 200 });
    const schema = `"${namespace.schema('recurring')}"`;
    const shopId = 'bench-intake-shop';
    await namespace.query(`INSERT INTO ${schema}.shop (id, cycle_deadline_day) VALUES ($1, 10)`, [shopId]);
    await namespace.query(
      `INSERT INTO ${schema}.member (id, shop_id, external_member_id, card_ref)
       SELECT gen_random_uuid(), $1, 'M' || lpad(n::text, 8, '0'), 'card_' || n FROM generate_series(0, $2::int - 1) n`,
      [shopId, members],
    );
    const before = { peak: peakMemoryMb(engine.pid), rss: currentMemoryMb(engine.pid) };
    let sampledPeak = 0;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, currentMemoryMb(engine.pid))), 200);
    const started = Date.now();
    const response = await request(`${engineUrl}/recurring/files?cycle=${cycle}&name=bench.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-kessai-merchant-id': shopId },
      body: chargeFile(),
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    const result = (await response.body.json()) as Record<string, unknown>;
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const charges = await namespace.query<{ count: string }>(`SELECT count(*) AS count FROM ${schema}.charge WHERE shop_id = $1`, [shopId]);
    console.log(`charge file intake: ${lines} lines (${members} members), HTTP ${response.statusCode}, status ${String(result.status)}, accepted ${String(result.accepted)}, rejected ${String(result.rejected)}, charges in table ${charges[0].count}`);
    console.log(`  ${seconds.toFixed(1)} s = ${Math.round(lines / seconds)} lines/s end to end (stream, decode, parse, COPY, merge)`);
    console.log(`  recurring-engine RSS: ${before.rss} MB before the upload (peak so far ${before.peak} MB), highest sampled during it ${sampledPeak} MB, VmHWM after ${peakMemoryMb(engine.pid)} MB`);
    console.log(`  load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  } finally {
    engine.kill('SIGTERM');
    await new Promise((resolve) => engine.once('exit', resolve));
    await namespace.cleanUp();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
