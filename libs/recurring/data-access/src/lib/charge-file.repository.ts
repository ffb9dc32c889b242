import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import { FILE_LINE_CHARGE_KEY_SQL } from '@kessai/recurring-domain';
import { recurringTable } from './recurring-tables';

export type ChargeFileMode = 'cycle' | 'immediate';
export type ChargeFileChannel = 'api' | 'sftp';
export type ChargeFileStatus = 'receiving' | 'merged' | 'duplicate' | 'refused' | 'failed';

export interface ChargeFileRecord {
  id: string;
  shopId: string;
  cycle: string;
  mode: ChargeFileMode;
  channel: ChargeFileChannel;
  name: string;
  status: ChargeFileStatus;
  encoding: string | null;
  sha256: string | null;
  linesRead: number;
  accepted: number;
  rejected: number;
  duplicateOf: string | null;
  errorCode: string | null;
  error: string | null;
  receivedAt: Date;
  finishedAt: Date | null;
}

interface ChargeFileRow {
  id: string;
  shop_id: string;
  cycle: string;
  mode: ChargeFileMode;
  channel: ChargeFileChannel;
  name: string;
  status: ChargeFileStatus;
  encoding: string | null;
  sha256: string | null;
  lines_read: number;
  accepted: number;
  rejected: number;
  duplicate_of: string | null;
  error_code: string | null;
  error: string | null;
  received_at: Date;
  finished_at: Date | null;
}

const toRecord = (row: ChargeFileRow): ChargeFileRecord => ({
  id: row.id,
  shopId: row.shop_id,
  cycle: row.cycle,
  mode: row.mode,
  channel: row.channel,
  name: row.name,
  status: row.status,
  encoding: row.encoding,
  sha256: row.sha256,
  linesRead: row.lines_read,
  accepted: row.accepted,
  rejected: row.rejected,
  duplicateOf: row.duplicate_of,
  errorCode: row.error_code,
  error: row.error,
  receivedAt: row.received_at,
  finishedAt: row.finished_at,
});

/** A file's lines as staged by COPY: one row per valid line, one row per problem of an invalid line. */
const STAGING = 'charge_file_staging';

/**
 * Charge files: the record of each file, and its load. The lines go by COPY into a temporary staging table on
 * one connection (no WAL, gone with the connection after a crash, which reloads the file from its source),
 * then one transaction merges them set-based into charges: duplicates and unknown members become line errors.
 */
@Injectable()
export class ChargeFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a file arriving. A file id seen before (an SFTP file claimed before a crash) is received again if it failed, else left as it is. */
  async start(file: { id: string; shopId: string; cycle: string; mode: ChargeFileMode; channel: ChargeFileChannel; name: string; receivedAt: Date }): Promise<ChargeFileRecord | null> {
    await this.dataSource.query(
      `INSERT INTO ${recurringTable(this.dataSource, 'charge_file')} (id, shop_id, cycle, mode, channel, name, status, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'receiving', $7)
       ON CONFLICT (id) DO UPDATE SET status = 'receiving', error = NULL, error_code = NULL, finished_at = NULL
       WHERE charge_file.status = 'failed' AND charge_file.shop_id = EXCLUDED.shop_id`,
      [file.id, file.shopId, file.cycle, file.mode, file.channel, file.name, file.receivedAt],
    );
    // null: the id is another shop's file
    return this.find(file.shopId, file.id);
  }

  /** The lines read so far of a file being received, for whoever follows its progress. */
  async recordProgress(id: string, linesRead: number): Promise<void> {
    await this.dataSource.query(`UPDATE ${recurringTable(this.dataSource, 'charge_file')} SET lines_read = $2 WHERE id = $1 AND status = 'receiving'`, [id, linesRead]);
  }

  async find(shopId: string, id: string): Promise<ChargeFileRecord | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const rows: ChargeFileRow[] = await this.dataSource.query(`SELECT * FROM ${recurringTable(this.dataSource, 'charge_file')} WHERE shop_id = $1 AND id = $2`, [shopId, id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async page(shopId: string, limit: number): Promise<ChargeFileRecord[]> {
    const rows: ChargeFileRow[] = await this.dataSource.query(
      `SELECT * FROM ${recurringTable(this.dataSource, 'charge_file')} WHERE shop_id = $1 ORDER BY received_at DESC, id DESC LIMIT $2`,
      [shopId, limit],
    );
    return rows.map(toRecord);
  }

  async findMergedWithContent(shopId: string, cycle: string, mode: ChargeFileMode, sha256: string): Promise<ChargeFileRecord | null> {
    const rows: ChargeFileRow[] = await this.dataSource.query(
      `SELECT * FROM ${recurringTable(this.dataSource, 'charge_file')} WHERE shop_id = $1 AND cycle = $2 AND mode = $3 AND sha256 = $4 AND status = 'merged'`,
      [shopId, cycle, mode, sha256],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Ends a file that is not merged: refused (with its header problems), a duplicate, or failed. */
  async finishUnmerged(
    id: string,
    outcome: { status: 'duplicate' | 'refused' | 'failed'; encoding: string | null; sha256: string | null; linesRead: number; duplicateOf?: string; errorCode?: string; error?: string; problems?: { line: number; column: string; reason: string }[]; at: Date },
  ): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      await transaction.query(
        `UPDATE ${recurringTable(transaction, 'charge_file')} SET status = $2, encoding = $3, sha256 = $4, lines_read = $5, duplicate_of = $6,
           error_code = $7, error = $8, finished_at = $9 WHERE id = $1 AND status = 'receiving'`,
        [id, outcome.status, outcome.encoding, outcome.sha256, outcome.linesRead, outcome.duplicateOf ?? null, outcome.errorCode ?? null, outcome.error ?? null, outcome.at],
      );
      const problems = outcome.problems ?? [];
      if (problems.length > 0) {
        await transaction.query(
          `INSERT INTO ${recurringTable(transaction, 'charge_file_error')} (file_id, line, "column", reason)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
          [id, problems.map((p) => p.line), problems.map((p) => p.column), problems.map((p) => p.reason)],
        );
      }
    });
  }

  /** The query of a file's line errors, for a CSV stream (line, column, reason). */
  errorsQuery(fileId: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT line, "column", reason FROM ${recurringTable(this.dataSource, 'charge_file_error')} WHERE file_id = $1 ORDER BY line, "column"`,
      params: [fileId],
    };
  }

  /** The shop's merged SFTP files whose charges are all past pending and whose results are not yet published. */
  async settledUnpublished(shopId: string): Promise<ChargeFileRecord[]> {
    const rows: ChargeFileRow[] = await this.dataSource.query(
      `SELECT f.* FROM ${recurringTable(this.dataSource, 'charge_file')} f
       WHERE f.shop_id = $1 AND f.status = 'merged' AND f.channel = 'sftp' AND f.results_published_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ${recurringTable(this.dataSource, 'charge')} c WHERE c.file_id = f.id AND c.status = 'pending')
       ORDER BY f.received_at`,
      [shopId],
    );
    return rows.map(toRecord);
  }

  async markResultsPublished(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE ${recurringTable(this.dataSource, 'charge_file')} SET results_published_at = $2 WHERE id = $1`, [id, at]);
  }

  /** The query of a file's charges with their outcome, line by line, for its results file. */
  resultsQuery(fileId: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT c.file_line AS line, m.external_member_id AS member_id, c.card_ref, c.amount::text AS amount, c.currency,
                   to_char(c.charge_date, 'YYYY-MM-DD') AS charge_date, c.status, c.authorization_id, c.decline_code, c.charge_key
            FROM ${recurringTable(this.dataSource, 'charge')} c JOIN ${recurringTable(this.dataSource, 'member')} m ON m.id = c.member_id
            WHERE c.file_id = $1 ORDER BY c.file_line`,
      params: [fileId],
    };
  }

  /** A fresh staging table on the runner's connection (temporary: this connection only). */
  async createStaging(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS pg_temp.${STAGING}`);
    await runner.query(
      `CREATE TEMPORARY TABLE ${STAGING} (line integer NOT NULL, member_id text, card_ref text, amount bigint, currency text, charge_date date,
         error_column text, error_reason text)`,
    );
  }

  async dropStaging(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS pg_temp.${STAGING}`);
  }

  /** COPY into the staging table: write rows of `stagingLine(...)`, end the stream, wait for it to finish. */
  async openStagingCopy(runner: QueryRunner): Promise<Writable> {
    const client = (await runner.connect()) as PoolClient;
    return client.query(
      copyFrom(`COPY pg_temp.${STAGING} (line, member_id, card_ref, amount, currency, charge_date, error_column, error_reason) FROM STDIN`),
    );
  }

  /**
   * Merges the staged lines into charges in one transaction (the caller's, on the runner): duplicates of an
   * earlier line and unknown members become line errors, every other line one pending charge keyed
   * `line:<file>:<line>:<cycle>` (ON CONFLICT DO NOTHING: a replay creates nothing), then the file is merged.
   * The partial unique index on (shop, cycle, mode, content) refuses a second merge of the same content.
   */
  async mergeStaged(
    runner: QueryRunner,
    file: { id: string; shopId: string; cycle: string; immediate: boolean; encoding: string | null; sha256: string; linesRead: number; at: Date },
  ): Promise<{ accepted: number; rejected: number }> {
    const members = recurringTable(this.dataSource, 'member');
    // temporary tables have no statistics until analyzed: without them the planner nests loops over the lines
    await runner.query(`ANALYZE pg_temp.${STAGING}`);
    await runner.query(
      `UPDATE pg_temp.${STAGING} s SET error_column = '', error_reason = 'duplicate of line ' || d.first_line || ' (same member, card, amount, currency and day): not charged twice'
       FROM (SELECT line, min(line) OVER (PARTITION BY member_id, card_ref, amount, currency, charge_date) AS first_line
             FROM pg_temp.${STAGING} WHERE error_reason IS NULL) d
       WHERE s.line = d.line AND s.error_reason IS NULL AND d.first_line <> d.line`,
    );
    await runner.query(
      `UPDATE pg_temp.${STAGING} s SET error_column = 'member_id',
         error_reason = 'unknown member "' || s.member_id || '": register it first (PUT /recurring/members/{memberId})'
       WHERE s.error_reason IS NULL AND NOT EXISTS (SELECT 1 FROM ${members} m WHERE m.shop_id = $1 AND m.external_member_id = s.member_id)`,
      [file.shopId],
    );
    await runner.query(
      `UPDATE pg_temp.${STAGING} s SET error_column = 'card_ref', error_reason = 'the line has no card_ref and member "' || s.member_id || '" has no card registered'
       FROM ${members} m WHERE m.shop_id = $1 AND m.external_member_id = s.member_id AND s.error_reason IS NULL AND s.card_ref IS NULL AND m.card_ref IS NULL`,
      [file.shopId],
    );
    const inserted: { count: string }[] = await runner.query(
      `WITH inserted AS (
         INSERT INTO ${recurringTable(this.dataSource, 'charge')}
           (charge_key, shop_id, cycle, card_ref, amount, currency, charge_date, status, member_id, file_id, file_line, immediate)
         SELECT ${FILE_LINE_CHARGE_KEY_SQL('$3', 's.line', '$2')}, $1, $2, COALESCE(s.card_ref, m.card_ref), s.amount, s.currency, s.charge_date,
                'pending', m.id, $3::uuid, s.line, $4
         FROM pg_temp.${STAGING} s JOIN ${members} m ON m.shop_id = $1 AND m.external_member_id = s.member_id
         WHERE s.error_reason IS NULL
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS count FROM inserted`,
      [file.shopId, file.cycle, file.id, file.immediate],
    );
    const rejected: { count: string }[] = await runner.query(
      `WITH errors AS (
         INSERT INTO ${recurringTable(this.dataSource, 'charge_file_error')} (file_id, line, "column", reason)
         SELECT $1, line, error_column, error_reason FROM pg_temp.${STAGING} WHERE error_reason IS NOT NULL RETURNING line)
       SELECT count(DISTINCT line) AS count FROM errors`,
      [file.id],
    );
    const result = { accepted: Number(inserted[0].count), rejected: Number(rejected[0].count) };
    await runner.query(
      `UPDATE ${recurringTable(this.dataSource, 'charge_file')} SET status = 'merged', encoding = $2, sha256 = $3, lines_read = $4, accepted = $5,
         rejected = $6, finished_at = $7 WHERE id = $1`,
      [file.id, file.encoding, file.sha256, file.linesRead, result.accepted, result.rejected, file.at],
    );
    return result;
  }
}

const escapeCopyText = (value: string) => value.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
const copyField = (value: string | number | null) => (value === null ? '\\N' : escapeCopyText(String(value)));

/** One staging row in COPY text format. */
export function stagingLine(row: {
  line: number;
  memberId: string | null;
  cardRef: string | null;
  amount: number | null;
  currency: string | null;
  chargeDate: string | null;
  errorColumn: string | null;
  errorReason: string | null;
}): string {
  return `${[row.line, row.memberId, row.cardRef, row.amount, row.currency, row.chargeDate, row.errorColumn, row.errorReason].map(copyField).join('\t')}\n`;
}
