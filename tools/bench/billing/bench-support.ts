import { readdirSync, readFileSync } from 'node:fs';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

/** billing-requests in a schema of its own, for one benchmark run. */
export async function startBillingRequests(
  label: string,
  env: Record<string, string> = {},
  defaultNodeArguments: string[] = [],
): Promise<{ service: ServiceProcess; namespace: TestNamespace }> {
  const namespace = new TestNamespace(label);
  // BENCH_NODE_ARGS=--cpu-prof profiles the service (written when it stops); it adds to the defaults.
  const nodeArguments = [...defaultNodeArguments, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const service = new ServiceProcess(
    'billing-requests',
    await freePort(),
    namespace.serviceEnvironment('billing', { LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env }),
    nodeArguments,
  ).start();
  await service.waitUntilReady();
  return { service, namespace };
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
export function peakMemoryMiB(pid: number | undefined): number {
  if (!pid) return 0;
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}

export function machineNote(): string {
  return `machine: ${require('node:os').cpus().length} cores (shared with other engineers' work), Node ${process.version}`;
}

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU time used so far by every PostgreSQL process alive (server and sessions), in seconds. */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}
