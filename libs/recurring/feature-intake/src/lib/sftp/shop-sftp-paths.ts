import { posix } from 'node:path';
import type { ChargeFileMode } from '@kessai/recurring-data-access';

/** A shop's directories on the SFTP server, under the configured root. */
export function shopSftpPaths(root: string, shopId: string) {
  const base = posix.join(root, shopId);
  return {
    base,
    /** Where the merchant drops files. */
    inbox: posix.join(base, 'inbox'),
    /** Claimed files, named `<file id>__<name>`: the id survives a restart, so the file continues as the same file. */
    processing: posix.join(base, 'processing'),
    done: posix.join(base, 'done'),
    refused: posix.join(base, 'refused'),
    /** Where the engine writes its reports for the merchant to fetch. */
    outbox: posix.join(base, 'outbox'),
  };
}

const CLAIMED = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})__(.+)$/;

export const claimedName = (fileId: string, name: string) => `${fileId}__${name}`;

export function parseClaimedName(claimed: string): { fileId: string; name: string } | null {
  const match = CLAIMED.exec(claimed);
  return match ? { fileId: match[1], name: match[2] } : null;
}

/**
 * What the merchant's file name says: `immediate…` is an immediate file; a `YYYY-MM` in the name is the
 * cycle (else the current one). Names starting with a dot or ending in .part/.tmp are still being written.
 */
export function readInboxName(name: string): { mode: ChargeFileMode; cycle?: string } | null {
  if (name.startsWith('.') || /\.(part|tmp)$/i.test(name)) return null;
  const mode: ChargeFileMode = /^immediate/i.test(name) ? 'immediate' : 'cycle';
  const cycle = /(\d{4}-(0[1-9]|1[0-2]))(?!\d)/.exec(name)?.[1];
  return { mode, ...(cycle && mode === 'cycle' ? { cycle } : {}) };
}
