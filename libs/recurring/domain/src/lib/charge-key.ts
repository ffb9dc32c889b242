import { Cycle } from './cycle';

/** Where a charge came from: a recurring definition, or a line of an uploaded file. */
export type ChargeSource = { kind: 'definition'; definitionId: string } | { kind: 'file-line'; fileId: string; line: number };

/**
 * The charge's unique key: one charge per (source, cycle). It is unique in the database and is the idempotency
 * key sent to the processor, so a replay after a crash can neither create a second charge nor a second
 * authorization. At most 128 printable characters, as the processor requires.
 */
export function chargeKey(source: ChargeSource, cycle: Cycle): string {
  const key = source.kind === 'definition' ? `def:${source.definitionId}:${cycle}` : `line:${source.fileId}:${source.line}:${cycle}`;
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) throw new Error(`charge key "${key}" is not 1 to 128 printable characters`);
  return key;
}

/** The same key as SQL builds it in set-based generation (`'def:' || id || ':' || cycle`). */
export const DEFINITION_CHARGE_KEY_SQL = (definitionIdColumn: string, cycleParameter: string) => `'def:' || ${definitionIdColumn} || ':' || ${cycleParameter}`;
