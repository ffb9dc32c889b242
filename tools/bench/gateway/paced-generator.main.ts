// pacedLoad (tools/bench/shared/paced-load.ts) in a process of its own, meant to be pinned to a core
// (`taskset -c 0`) so that its pacing is not part of the target's latency; rejection-latency.ts starts it. It
// spins the event loop instead of using a 1 ms timer (it has the core to itself). Environment: URL, HEADERS
// (JSON), RATE, DURATION_S, WARMUP_S, CONNECTIONS, SPIN (0: a 1 ms timer, when not pinned). Prints the PacedResult as one JSON line.
import { pacedLoad } from '../shared/paced-load';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

pacedLoad(
  required('URL'),
  JSON.parse(process.env.HEADERS ?? '{}') as Record<string, string>,
  Number(process.env.RATE ?? 1000),
  Number(process.env.DURATION_S ?? 10),
  Number(process.env.CONNECTIONS ?? 100),
  undefined,
  { spin: process.env.SPIN !== '0', warmupSeconds: Number(process.env.WARMUP_S ?? 2) },
)
  .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
  .catch((error: Error) => {
    process.stderr.write(`generator failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
