import type { ChargeFileRecord } from '@kessai/recurring-data-access';

export interface ChargeFileResponse {
  id: string;
  name: string;
  mode: string;
  channel: string;
  cycle: string;
  /** receiving, merged, duplicate (of `duplicateOf`: nothing created), refused (as a whole) or failed. */
  status: string;
  encoding: string | null;
  linesRead: number;
  /** Pending charges created; they are authorized by the cycle's authorization (at once for immediate files). */
  accepted: number;
  /** Lines with errors, listed with line, column and reason at `errorsUrl`. */
  rejected: number;
  duplicateOf: string | null;
  errorCode: string | null;
  error: string | null;
  errorsUrl: string;
  receivedAt: string;
  finishedAt: string | null;
}

export function toChargeFileResponse(file: ChargeFileRecord): ChargeFileResponse {
  return {
    id: file.id,
    name: file.name,
    mode: file.mode,
    channel: file.channel,
    cycle: file.cycle,
    status: file.status,
    encoding: file.encoding,
    linesRead: file.linesRead,
    accepted: file.accepted,
    rejected: file.rejected,
    duplicateOf: file.duplicateOf,
    errorCode: file.errorCode,
    error: file.error,
    errorsUrl: `/recurring/files/${file.id}/errors.csv`,
    receivedAt: file.receivedAt.toISOString(),
    finishedAt: file.finishedAt?.toISOString() ?? null,
  };
}

export const CHARGE_FILE_ERROR_COLUMNS = [
  { key: 'line', header: 'line' },
  { key: 'column', header: 'column' },
  { key: 'reason', header: 'reason' },
];
