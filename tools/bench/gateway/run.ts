// Benchmark of the throttle gateway: `npm run bench:gateway` (node -r @swc-node/register tools/bench/gateway/run.ts).
// Starts billing-requests, one gateway instance and the @nestjs/throttler peer in a namespace of their own, then
// runs each scenario with autocannon and prints throughput, p50/p99 latency, CPU per request and peak memory.
// BENCH_DURATION_S (default 8) and BENCH_CONNECTIONS (default 32) tune the runs.
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { startBenchStack } from './bench-stack';
import { pacedLoad, percentile } from '../shared/paced-load';

const ROOT = join(__dirname, '../../..');
const DURATION = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TICKS = 100; // USER_HZ on Linux

/** Latencies and ratios to two decimals, for display only. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

interface Row {
  scenario: string;
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statuses: string;
  rejectionP99?: number;
  cpuMsPerThousand?: number;
  perCore?: number;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:')) ?? 'VmHWM: 0 kB';
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

async function load(scenario: string, target: string, url: string, headers: Record<string, string>, pid: number | undefined, connections = CONNECTIONS, overallRate?: number): Promise<Row> {
  const byStatus: Record<number, number[]> = {};
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION,
    headers,
    ...(overallRate && { overallRate }),
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, responseTime: number) => (byStatus[status] ??= []).push(responseTime));
    },
  });
  const cpu = pid ? cpuSeconds(pid) - cpuBefore : 0;
  const rejected = [...(byStatus[429] ?? []), ...(byStatus[503] ?? [])].sort((a, b) => a - b);
  const total = result.requests.total;
  return {
    scenario,
    target,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: Object.entries(byStatus).map(([status, times]) => `${status}:${times.length}`).join(' '),
    rejectionP99: rejected.length > 0 ? round2(rejected[Math.floor(rejected.length * 0.99)]) : undefined,
    cpuMsPerThousand: pid && total > 0 ? Math.round((cpu * 1000 * 1000) / total) : undefined,
    perCore: pid && cpu > 0 ? Math.round(total / cpu) : undefined,
  };
}

/** 1000 requests per second evenly spaced (pacedLoad): p50/p99 of all answers, rejection p99 of the 429/503s. */
async function paced(scenario: string, target: string, url: string, headers: Record<string, string>, pid: number | undefined): Promise<Row> {
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const result = await pacedLoad(url, headers, 1000, DURATION);
  const cpu = pid ? cpuSeconds(pid) - cpuBefore : 0;
  const all = Object.values(result.byStatus).flat().sort((a, b) => a - b);
  const rejected = [...(result.byStatus[429] ?? []), ...(result.byStatus[503] ?? [])].sort((a, b) => a - b);
  const rejectionP99 = percentile(rejected, 0.99);
  return {
    scenario,
    target,
    requestsPerSecond: result.requestsPerSecond,
    p50: round2(percentile(all, 0.5) ?? 0),
    p99: round2(percentile(all, 0.99) ?? 0),
    statuses: Object.entries(result.byStatus).map(([status, times]) => `${status}:${times.length}`).join(' ') + (result.errors > 0 ? ` errors:${result.errors}` : ''),
    rejectionP99: rejectionP99 === undefined ? undefined : round2(rejectionP99),
    perCore: pid && cpu > 0 ? Math.round(result.total / cpu) : undefined,
  };
}

function cpuMicros(row: Row): string {
  return row.perCore ? String(Math.round(1e6 / row.perCore)) : '?';
}

function startPeer(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'tools/bench/gateway/peer-throttler.main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.json', PORT: String(port), ...env },
    stdio: 'ignore',
  });
}

async function main(): Promise<void> {
  const namespace = new TestNamespace('bench-gateway');
  const children: ChildProcess[] = [];
  const services: ServiceProcess[] = [];
  try {
    const { billing, gateway, openKey, burstKey, billPath: path } = await startBenchStack(namespace, services);

    const peerPorts = [await freePort(), await freePort()];
    const keys = `${openKey}=bench-open,${burstKey}=bench-burst`;
    const peerOpen = startPeer(peerPorts[0], { BILLING_REQUESTS_URL: billing.baseUrl, PEER_LIMIT_PER_SECOND: '100000000', PEER_KEYS: keys });
    const peerBurst = startPeer(peerPorts[1], { BILLING_REQUESTS_URL: billing.baseUrl, PEER_LIMIT_PER_SECOND: '10', PEER_KEYS: keys });
    children.push(peerOpen, peerBurst);
    for (const port of peerPorts) {
      await pollUntil(`peer on ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/bills/x`).catch(() => undefined)) !== undefined, { timeoutMs: 60_000 });
    }

    const gatewayPid = (gateway as unknown as { child: ChildProcess }).child.pid;
    const billingPid = (billing as unknown as { child: ChildProcess }).child.pid;
    const rows: Row[] = [];
    // Warm-up: JIT, connection pools, caches.
    await autocannon({ url: `${gateway.baseUrl}${path}`, connections: 8, duration: 2, headers: { authorization: `Bearer ${openKey}` } });
    rows.push(await load('admitted GET /bills/:id', 'billing-requests direct', `${billing.baseUrl}${path}`, { 'x-kessai-merchant-id': 'bench-open' }, billingPid));
    rows.push(await load('admitted GET /bills/:id', 'throttle-gateway', `${gateway.baseUrl}${path}`, { authorization: `Bearer ${openKey}` }, gatewayPid));
    rows.push(await load('admitted GET /bills/:id', 'peer @nestjs/throttler', `http://127.0.0.1:${peerPorts[0]}${path}`, { authorization: `Bearer ${openKey}` }, peerOpen.pid));
    // 100x the merchant's 10 requests/s, sent at a fixed rate: the latency of a rejection when the gateway is not saturated.
    // autocannon's overallRate sends each connection's share of a second back to back at the start of the second:
    // 1000 requests in a micro-burst on 100 connections each second. The paced rows below spread them evenly.
    rows.push(await load('100x burst at 1000 req/s', 'throttle-gateway', `${gateway.baseUrl}${path}`, { authorization: `Bearer ${burstKey}` }, gatewayPid, 100, 1000));
    rows.push(await load('100x burst at 1000 req/s', 'peer @nestjs/throttler', `http://127.0.0.1:${peerPorts[1]}${path}`, { authorization: `Bearer ${burstKey}` }, peerBurst.pid, 100, 1000));
    rows.push(await paced('100x burst paced 1/ms', 'throttle-gateway', `${gateway.baseUrl}${path}`, { authorization: `Bearer ${burstKey}` }, gatewayPid));
    rows.push(await paced('100x burst paced 1/ms', 'peer @nestjs/throttler', `http://127.0.0.1:${peerPorts[1]}${path}`, { authorization: `Bearer ${burstKey}` }, peerBurst.pid));
    // Saturation: as many requests as the machine lets through, nearly all rejected.
    rows.push(await load('saturating burst (limit 10/s)', 'throttle-gateway', `${gateway.baseUrl}${path}`, { authorization: `Bearer ${burstKey}` }, gatewayPid, 100));
    rows.push(await load('saturating burst (limit 10/s)', 'peer @nestjs/throttler', `http://127.0.0.1:${peerPorts[1]}${path}`, { authorization: `Bearer ${burstKey}` }, peerBurst.pid, 100));

    process.stdout.write(`\nthrottle-gateway benchmark: ${DURATION} s per run, ${CONNECTIONS} connections (burst: 100), node ${process.version}, ${(await import('node:os')).cpus().length} cores (shared with other work)\n\n`);
    const header = ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'rejection p99 ms', 'req per CPU-s', 'statuses'];
    const lines = rows.map((r) => [r.scenario, r.target, String(r.requestsPerSecond), String(r.p50), String(r.p99), r.rejectionP99 === undefined ? '-' : String(r.rejectionP99), r.perCore === undefined ? '-' : String(r.perCore), r.statuses]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    for (const line of [header, ...lines]) process.stdout.write(line.map((cell, i) => cell.padEnd(widths[i])).join('  ') + '\n');
    const direct = rows[0];
    const viaGateway = rows[1];
    process.stdout.write(
      `\ngateway overhead vs direct: p50 +${round2(viaGateway.p50 - direct.p50)} ms, p99 +${round2(viaGateway.p99 - direct.p99)} ms\n` +
        `throughput vs peer: admitted ${round2(rows[1].requestsPerSecond / rows[2].requestsPerSecond)}x, saturating burst ${round2(rows[7].requestsPerSecond / rows[8].requestsPerSecond)}x (peer has no concurrency limit)\n` +
        `CPU per request, saturating burst (nearly all rejections): gateway ${cpuMicros(rows[7])} µs, peer ${cpuMicros(rows[8])} µs\n` +
        `peak RSS: gateway ${gatewayPid ? peakRssMb(gatewayPid) : '?'} MB, peer ${peerOpen.pid ? peakRssMb(peerOpen.pid) : '?'} MB\n`,
    );
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(services.map((s) => s.stop('SIGKILL')));
    await namespace.cleanUp();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
