import { BillImportEntity } from '@kessai/billing-data-access';

export interface BillImportResponse {
  id: string;
  status: string;
  encoding: string | null;
  fileSha256: string | null;
  /** Lines of bills read so far (the header row not counted). */
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  errorReport: string;
}

export function toBillImportResponse(entity: BillImportEntity): BillImportResponse {
  return {
    id: entity.id,
    status: entity.status,
    encoding: entity.encoding,
    fileSha256: entity.fileSha256,
    rowsRead: entity.rowsRead,
    accepted: entity.accepted,
    duplicates: entity.duplicates,
    rejected: entity.rejected,
    error: entity.error,
    startedAt: entity.startedAt.toISOString(),
    finishedAt: entity.finishedAt?.toISOString() ?? null,
    errorReport: `/bill-imports/${entity.id}/errors.csv`,
  };
}
