import { createHash } from 'node:crypto';

/**
 * How many ordering buckets the outbox has. Stored with each row: changing it reorders nothing already
 * written, but events written across the change may overtake each other, so change it only when drained.
 */
export const OUTBOX_BUCKETS = 64;

export function outboxBucketOf(messageKey: string): number {
  return createHash('md5').update(messageKey).digest().readUInt32BE(0) % OUTBOX_BUCKETS;
}
