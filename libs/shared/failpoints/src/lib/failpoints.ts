/**
 * Named places where a crash test can make the process die on purpose, e.g. between the database commit and
 * the Kafka publish, to prove that nothing is lost or applied twice. Armed only through configuration, and
 * only when NODE_ENV=test; in any other run every failpoint is a no-op.
 */
export const FAILPOINTS = [
  'outbox.before-publish',
  'outbox.after-publish',
  'consumer.after-commit',
  // the recurring engine's job runner, right after a chunk and its checkpoint committed
  'recurring.job.after-chunk-commit',
  // the recurring engine's authorization, after the processor answered and before the chunk committed
  'recurring.authorize.after-processor-answer',
  // a bill charged with its customer's mandate, after the processor answered and before the charge committed
  'recurring.bill-charge.after-processor-answer',
  // the recurring engine's capture: the file and its lines are committed, nothing sent yet
  'recurring.capture.after-file-recorded',
  // the recurring engine's capture: the processor settled the file, the engine has not applied it
  'recurring.capture.after-processor-answer',
  // the recurring engine's file intake: the lines are staged, the merge has not begun
  'recurring.intake.before-merge',
  // the recurring engine's file intake: the merge committed, the file is not yet reported nor moved
  'recurring.intake.after-merge',
] as const;
export type Failpoint = (typeof FAILPOINTS)[number];

const armed = new Set<Failpoint>();

export function armFailpoints(names: string[]): void {
  for (const name of names) {
    if (!(FAILPOINTS as readonly string[]).includes(name)) throw new Error(`Unknown failpoint "${name}"`);
    armed.add(name as Failpoint);
  }
}

export function disarmFailpoints(): void {
  armed.clear();
}

/** Kills the process on the spot, as a power cut would: no shutdown hook, no flush. */
export function failpoint(name: Failpoint): void {
  if (!armed.has(name)) return;
  process.stderr.write(`failpoint ${name}: killing the process\n`);
  process.kill(process.pid, 'SIGKILL');
}
