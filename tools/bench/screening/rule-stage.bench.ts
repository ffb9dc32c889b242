// Rule stage of a screening decision: 5,000 generated rules of a realistic mix over features already in
// memory, one payment at a time on one core. json-rules-engine runs the same rules side by side.
//   node -r @swc-node/register tools/bench/screening/rule-stage.bench.ts [--rules 5000] [--payments 20000]
import 'reflect-metadata';
import { CompiledRuleSet } from '@kessai/screening-domain';
import { syntheticPayments } from '../../screening/synthetic-payments';
import { syntheticRules } from '../../screening/synthetic-rules';
import { jsonRulesEngineFor } from './json-rules-engine-peer';

const argument = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const RULES = argument('--rules', 5000);
const PAYMENTS = argument('--payments', 20000);
const PEER_PAYMENTS = argument('--peer-payments', 200);

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function percentiles(nanoseconds: bigint[]) {
  const sorted = nanoseconds.map(Number).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] / 1000 };
}

async function main(): Promise<void> {
  const rules = syntheticRules(RULES);
  const payments = syntheticPayments(PAYMENTS, 3).map((p) => ({ ...p.features, score: ((p.features.amount as number) % 100) / 100 }));

  const compileStart = process.hrtime.bigint();
  const ruleSet = CompiledRuleSet.compile(rules);
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  sampleMemory();

  for (const features of payments) ruleSet.evaluate(features); // one pass to reach the steady state of a running service
  const ours: bigint[] = [];
  let decisions = { approve: 0, review: 0, decline: 0 };
  let fired = 0;
  const runStart = process.hrtime.bigint();
  for (const features of payments) {
    const start = process.hrtime.bigint();
    const evaluation = ruleSet.evaluate(features);
    ours.push(process.hrtime.bigint() - start);
    decisions = { ...decisions, [evaluation.decision]: decisions[evaluation.decision] + 1 };
    fired += evaluation.fired.length;
  }
  const oursSeconds = Number(process.hrtime.bigint() - runStart) / 1e9;
  sampleMemory();

  const engine = jsonRulesEngineFor(rules);
  await engine.run(payments[0]);
  const peer: bigint[] = [];
  for (const features of payments.slice(0, PEER_PAYMENTS)) {
    const start = process.hrtime.bigint();
    await engine.run(features);
    peer.push(process.hrtime.bigint() - start);
    sampleMemory();
  }

  const o = percentiles(ours);
  const j = percentiles(peer);
  console.log(`rule stage, ${RULES} rules (compiled in ${compileMs.toFixed(0)} ms), ${PAYMENTS} payments, one core`);
  console.log(`  kessai            p50 ${o.p50.toFixed(1)} µs   p99 ${o.p99.toFixed(1)} µs   max ${o.max.toFixed(0)} µs   ${Math.round(PAYMENTS / oursSeconds)} decisions/s`);
  console.log(`  json-rules-engine p50 ${j.p50.toFixed(0)} µs   p99 ${j.p99.toFixed(0)} µs   (${PEER_PAYMENTS} payments)`);
  console.log(`  speed-up          p50 ${(j.p50 / o.p50).toFixed(0)}×   p99 ${(j.p99 / o.p99).toFixed(0)}×`);
  console.log(`  decisions ${JSON.stringify(decisions)}, ${(fired / PAYMENTS).toFixed(2)} rules fired per payment`);
  console.log(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
