import { createHash } from 'node:crypto';
import { Cycle } from './cycle';

/** Where a charge came from: a recurring definition, or a line of an uploaded file. */
export type ChargeSource =
  | { kind: 'definition'; definitionId: string }
  | { kind: 'file-line'; fileId: string; line: number }
  /** One charge per API call: the merchant's Idempotency-Key, scoped to the shop. */
  | { kind: 'api-call'; shopId: string; idempotencyKey: string };

/**
 * The charge's unique key: one charge per (source, cycle). It is unique in the database and is the idempotency
 * key sent to the processor, so a replay after a crash can neither create a second charge nor a second
 * authorization. At most 128 printable characters, as the processor requires.
 */
export function chargeKey(source: ChargeSource, cycle: Cycle): string {
  const key =
    source.kind === 'definition'
      ? `def:${source.definitionId}:${cycle}`
      : source.kind === 'file-line'
        ? `line:${source.fileId}:${source.line}:${cycle}`
        : apiCallChargeKey(source.shopId, source.idempotencyKey);
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) throw new Error(`charge key "${key}" is not 1 to 128 printable characters`);
  return key;
}

/** The same key as SQL builds it in set-based generation (`'def:' || id || ':' || cycle`). */
export const DEFINITION_CHARGE_KEY_SQL = (definitionIdColumn: string, cycleParameter: string) => `'def:' || ${definitionIdColumn} || ':' || ${cycleParameter}`;

/**
 * An API charge's key: a digest of (shop, Idempotency-Key), so any key the merchant picks (up to 255
 * characters) fits the processor's 128 and one shop's key never meets another's. No cycle: the key alone
 * names the charge, whenever it is retried.
 */
export function apiCallChargeKey(shopId: string, idempotencyKey: string): string {
  return `api:${createHash('sha256').update(`${shopId}\n${idempotencyKey}`).digest('base64url')}`;
}

/** The same key as SQL builds it in the set-based merge of a file (`'line:' || file || ':' || line || ':' || cycle`). */
export const FILE_LINE_CHARGE_KEY_SQL = (fileIdParameter: string, lineColumn: string, cycleParameter: string) =>
  `'line:' || ${fileIdParameter} || ':' || ${lineColumn} || ':' || ${cycleParameter}`;
