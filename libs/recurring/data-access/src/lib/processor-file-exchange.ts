import type { DataSource, EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

export type ExchangeFileKind = 'sales_confirmation' | 'card_refresh';

/** The shop's file of a kind and cycle that was recorded but not applied: the job stopped after recording (or sending) it. */
export async function findOpenExchangeFile(source: DataSource, kind: ExchangeFileKind, shopId: string, cycle: string): Promise<string | null> {
  const rows: { id: string }[] = await source.query(
    `SELECT id FROM ${recurringTable(source, 'processor_file_exchange')} WHERE kind = $1 AND shop_id = $2 AND cycle = $3 AND status = 'prepared'`,
    [kind, shopId, cycle],
  );
  return rows[0]?.id ?? null;
}

/** Closes a file in the transaction that applies its answers. */
export async function markExchangeFileApplied(transaction: EntityManager, fileId: string, processorFileId: string, now: Date): Promise<void> {
  await transaction.query(
    `UPDATE ${recurringTable(transaction, 'processor_file_exchange')} SET status = 'applied', processor_file_id = $2, applied_at = $3 WHERE id = $1`,
    [fileId, processorFileId, now],
  );
}
