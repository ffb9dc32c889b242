import { BillImportResponse } from '@kessai/billing-contracts';
import { BillImportEntity } from '@kessai/billing-data-access';

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

export type { BillImportResponse };
