import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SALE_REFERENCE_SQL } from '@kessai/recurring-domain';
import { findOpenExchangeFile, markExchangeFileApplied } from './processor-file-exchange';
import { recurringTable } from './recurring-tables';

/** A line of a sales-confirmation file as recorded before it was sent, with what the charge's events need. */
export interface CaptureLine {
  line: number;
  chargeId: string;
  chargeKey: string;
  authorizationId: string | null;
  cardRef: string;
  amount: number;
  currency: string;
  saleDate: string;
  reference: string;
  floorLimit: boolean;
}

export interface CaptureSettlement {
  chargeId: string;
  status: 'captured' | 'settlement_declined';
  saleId: string | null;
  declineCode: string | null;
}

/** Sales-confirmation (capture) files: recorded with their lines before sending, applied from the settlement result. */
@Injectable()
export class CaptureFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Authorized charges of a shop's cycle (in no file yet, or in a file sent but not applied): the capture job's total. */
  async countAuthorized(shopId: string, cycle: string): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${recurringTable(this.dataSource, 'charge')} c WHERE c.shop_id = $1 AND c.cycle = $2 AND c.status = 'authorized'`,
      [shopId, cycle],
    );
    return Number(rows[0].count);
  }

  /** The next authorized charges not in any capture file yet, only counted (dry run). */
  async countNextChunk(shopId: string, cycle: string, afterChargeId: string, limit: number): Promise<{ count: number; lastChargeId: string | null }> {
    const rows: { count: string; last_id: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS count, max(id)::text AS last_id FROM (
         SELECT c.id FROM ${recurringTable(this.dataSource, 'charge')} c
         WHERE c.shop_id = $1 AND c.cycle = $2 AND c.status = 'authorized' AND c.id > $3::bigint
           AND NOT EXISTS (SELECT 1 FROM ${recurringTable(this.dataSource, 'capture_line')} l WHERE l.charge_id = c.id)
         ORDER BY c.id LIMIT $4) chunk`,
      [shopId, cycle, afterChargeId === '' ? '0' : afterChargeId, limit],
    );
    return { count: Number(rows[0].count), lastChargeId: rows[0].last_id };
  }

  /** The shop's capture file of the cycle that was recorded but not applied (the job stopped after recording it). */
  findOpen(shopId: string, cycle: string): Promise<string | null> {
    return findOpenExchangeFile(this.dataSource, 'sales_confirmation', shopId, cycle);
  }

  /**
   * Records a new capture file of the next `limit` authorized charges after `afterChargeId` that are in no
   * file yet, set-based, and COMMITS it (its own transaction) so that it exists before anything is sent.
   * Returns null when there is nothing left to capture.
   */
  async prepare(fileId: string, shopId: string, cycle: string, afterChargeId: string, limit: number, now: Date): Promise<string | null> {
    return this.dataSource.transaction(async (transaction) => {
      const rows: { lines: string }[] = await transaction.query(
        `WITH picked AS (
           SELECT c.id, c.charge_key, c.authorization_id, c.card_ref, c.amount, c.currency, c.charge_date
           FROM ${recurringTable(transaction, 'charge')} c
           WHERE c.shop_id = $1 AND c.cycle = $2 AND c.status = 'authorized' AND c.id > $3::bigint
             AND NOT EXISTS (SELECT 1 FROM ${recurringTable(transaction, 'capture_line')} l WHERE l.charge_id = c.id)
           ORDER BY c.id LIMIT $4
         ), file AS (
           INSERT INTO ${recurringTable(transaction, 'processor_file_exchange')} (id, kind, shop_id, cycle, status, lines, created_at)
           SELECT $5, 'sales_confirmation', $1, $2, 'prepared', count(*), $6 FROM picked HAVING count(*) > 0
           RETURNING id
         ), lines AS (
           INSERT INTO ${recurringTable(transaction, 'capture_line')}
             (file_id, line, charge_id, authorization_id, card_ref, amount, currency, sale_date, reference)
           SELECT file.id, 1 + row_number() OVER (ORDER BY p.id), p.id, p.authorization_id, p.card_ref, p.amount, p.currency, p.charge_date,
                  ${SALE_REFERENCE_SQL('p.charge_key', 'p.id')}
           FROM picked p CROSS JOIN file
           RETURNING 1
         )
         SELECT count(*) AS lines FROM lines`,
        [shopId, cycle, afterChargeId === '' ? '0' : afterChargeId, limit, fileId, now],
      );
      return Number(rows[0].lines) > 0 ? fileId : null;
    });
  }

  async linesOf(fileId: string): Promise<CaptureLine[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT l.line, l.charge_id::text AS charge_id, c.charge_key, l.authorization_id, l.card_ref, l.amount::text AS amount, l.currency,
              to_char(l.sale_date, 'YYYY-MM-DD') AS sale_date, l.reference, c.floor_limit
       FROM ${recurringTable(this.dataSource, 'capture_line')} l JOIN ${recurringTable(this.dataSource, 'charge')} c ON c.id = l.charge_id
       WHERE l.file_id = $1 ORDER BY l.line`,
      [fileId],
    );
    return rows.map((row) => ({
      line: Number(row.line),
      chargeId: row.charge_id as string,
      chargeKey: row.charge_key as string,
      authorizationId: row.authorization_id as string | null,
      cardRef: row.card_ref as string,
      amount: Number(row.amount),
      currency: row.currency as string,
      saleDate: row.sale_date as string,
      reference: row.reference as string,
      floorLimit: row.floor_limit as boolean,
    }));
  }

  /**
   * Applies the settlement result in one statement and closes the file. Only an authorized charge moves, so a
   * replay changes nothing and its events are not published twice; the ids that moved are returned.
   */
  async applySettlement(transaction: EntityManager, fileId: string, processorFileId: string, settlements: CaptureSettlement[], now: Date): Promise<Set<string>> {
    const rows: { id: string }[] = settlements.length
      ? await transaction.query(
          `WITH moved AS (UPDATE ${recurringTable(transaction, 'charge')} c
           SET status = s.status, sale_id = s.sale_id, decline_code = s.decline_code,
               captured_at = CASE WHEN s.status = 'captured' THEN $5::timestamptz END, updated_at = $5
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS s(id, status, sale_id, decline_code)
           WHERE c.id = s.id AND c.status = 'authorized'
           RETURNING c.id::text AS id)
           SELECT id FROM moved`,
          [
            settlements.map((s) => s.chargeId),
            settlements.map((s) => s.status),
            settlements.map((s) => s.saleId),
            settlements.map((s) => s.declineCode),
            now,
          ],
        )
      : [];
    await markExchangeFileApplied(transaction, fileId, processorFileId, now);
    return new Set(rows.map((row) => row.id));
  }
}
