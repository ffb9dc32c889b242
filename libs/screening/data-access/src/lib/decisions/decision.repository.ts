import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Decision, FeatureValues, FiredRule } from '@kessai/screening-domain';
import { screeningTable } from '../screening-tables';

export interface StoredDecision {
  id: string;
  merchantId: string;
  paymentRef: string;
  decision: Decision;
  score: number;
  modelVersion: string;
  ruleSetVersion: number;
  decidedBy?: string;
  fired: FiredRule[];
  features: FeatureValues;
  shadow?: { ruleSetVersion: number; decision: Decision; fired: FiredRule[] };
  decidedAt: Date;
}

export type PaymentOutcome = 'paid' | 'chargeback' | 'unpaid';

export interface DecisionWithOutcome {
  id: string;
  decision: Decision;
  features: FeatureValues;
  outcome?: PaymentOutcome;
}

const COLUMNS = 14;
const COLUMN_NAMES = `id, merchant_id, payment_ref, decision, score, model_version, rule_set_version, decided_by, fired, features,
  shadow_rule_set_version, shadow_decision, shadow_fired, decided_at`;

@Injectable()
export class DecisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a batch of decisions with COPY (the recorder calls it off the decision path): one stream, no
   * statement with thousands of parameters to build and parse. COPY has no ON CONFLICT: a batch that was stored
   * although its acknowledgement was lost fails with a unique violation on retry, and is then inserted row-wise,
   * skipping what is already there.
   */
  async copyMany(decisions: StoredDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    try {
      const copy = client.query(copyFrom(`COPY ${screeningTable(this.dataSource, 'decision')} (${COLUMN_NAMES}) FROM STDIN (FORMAT text)`));
      // Rows are encoded as the stream pulls them, a few hundred per chunk: a large batch does not hold the event
      // loop in one go, and the socket is not written once per row (a write per row showed in the profile).
      await pipeline(Readable.from(copyTextChunks(decisions)), copy);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await this.insertMany(decisions);
    } finally {
      client.release();
    }
  }

  /** Stores a batch of decisions in one INSERT, skipping those already stored. */
  async insertMany(decisions: StoredDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    const values: unknown[] = [];
    const rows = decisions.map((d, i) => {
      values.push(...columnsOf(d));
      return `(${Array.from({ length: COLUMNS }, (_, c) => `$${i * COLUMNS + c + 1}`).join(', ')})`;
    });
    await this.dataSource.query(
      `INSERT INTO ${screeningTable(this.dataSource, 'decision')} (${COLUMN_NAMES}) VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`,
      values,
    );
  }

  /** A merchant's most recent decisions, newest first. */
  async recentOfMerchant(merchantId: string, limit: number): Promise<StoredDecision[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM ${screeningTable(this.dataSource, 'decision')} WHERE merchant_id = $1 ORDER BY decided_at DESC, id DESC LIMIT $2`,
      [merchantId, limit],
    );
    return rows.map(toStored);
  }

  async find(id: string): Promise<StoredDecision | undefined> {
    const rows = await this.dataSource.query(`SELECT * FROM ${screeningTable(this.dataSource, 'decision')} WHERE id = $1`, [id]);
    return rows[0] && toStored(rows[0]);
  }

  /**
   * Decisions in a period with the outcome reported for their payment, page by page (keyset), so a backtest
   * over months of decisions never holds them all in memory.
   */
  async *withOutcomes(from: Date, to: Date, pageSize = 5000): AsyncGenerator<DecisionWithOutcome[]> {
    let after: { decidedAt: Date; id: string } | undefined;
    for (;;) {
      const rows: { id: string; decision: Decision; features: FeatureValues; outcome: PaymentOutcome | null; decided_at: Date }[] =
        await this.dataSource.query(
          `SELECT d.id, d.decision, d.features, o.outcome, d.decided_at
           FROM ${screeningTable(this.dataSource, 'decision')} d
           LEFT JOIN ${screeningTable(this.dataSource, 'payment_outcome')} o
             ON o.merchant_id = d.merchant_id AND o.payment_ref = d.payment_ref
           WHERE d.decided_at >= $1 AND d.decided_at < $2 AND ($3::timestamptz IS NULL OR (d.decided_at, d.id) > ($3, $4::uuid))
           ORDER BY d.decided_at, d.id LIMIT $5`,
          [from, to, after?.decidedAt ?? null, after?.id ?? null, pageSize],
        );
      if (rows.length === 0) return;
      yield rows.map((row) => ({ id: row.id, decision: row.decision, features: row.features, outcome: row.outcome ?? undefined }));
      const last = rows[rows.length - 1];
      after = { decidedAt: last.decided_at, id: last.id };
      if (rows.length < pageSize) return;
    }
  }

  async recordOutcome(merchantId: string, paymentRef: string, outcome: PaymentOutcome, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${screeningTable(this.dataSource, 'payment_outcome')} (merchant_id, payment_ref, outcome, reported_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (merchant_id, payment_ref) DO UPDATE SET outcome = EXCLUDED.outcome, reported_at = EXCLUDED.reported_at`,
      [merchantId, paymentRef, outcome, at],
    );
  }
}

function columnsOf(d: StoredDecision): (string | number | Date | null)[] {
  return [
    d.id,
    d.merchantId,
    d.paymentRef,
    d.decision,
    d.score,
    d.modelVersion,
    d.ruleSetVersion,
    d.decidedBy ?? null,
    JSON.stringify(d.fired),
    JSON.stringify(d.features),
    d.shadow?.ruleSetVersion ?? null,
    d.shadow?.decision ?? null,
    d.shadow ? JSON.stringify(d.shadow.fired) : null,
    d.decidedAt,
  ];
}

const ROWS_PER_CHUNK = 256;

function* copyTextChunks(decisions: StoredDecision[]): Generator<string> {
  for (let start = 0; start < decisions.length; start += ROWS_PER_CHUNK) {
    let chunk = '';
    for (let i = start; i < Math.min(start + ROWS_PER_CHUNK, decisions.length); i++) chunk += copyTextRow(decisions[i]);
    yield chunk;
  }
}

function copyTextRow(d: StoredDecision): string {
  return `${copyText(d.id)}\t${copyText(d.merchantId)}\t${copyText(d.paymentRef)}\t${d.decision}\t${d.score}\t${copyText(d.modelVersion)}\t${d.ruleSetVersion}\t${
    d.decidedBy === undefined ? NULL : copyText(d.decidedBy)
  }\t${copyText(JSON.stringify(d.fired))}\t${copyText(JSON.stringify(d.features))}\t${d.shadow ? d.shadow.ruleSetVersion : NULL}\t${
    d.shadow ? d.shadow.decision : NULL
  }\t${d.shadow ? copyText(JSON.stringify(d.shadow.fired)) : NULL}\t${d.decidedAt.toISOString()}\n`;
}

/** COPY's text format: NULL is \N; backslash, tab, newline and carriage return are escaped (JSON holds none raw but backslash). */
const NULL = '\\N';
const COPY_TEXT_SPECIAL = /[\\\t\n\r]/;
function copyText(value: string): string {
  return COPY_TEXT_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_TEXT_ESCAPES[c]) : value;
}
const COPY_TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function toStored(row: Record<string, unknown>): StoredDecision {
  return {
    id: row.id as string,
    merchantId: row.merchant_id as string,
    paymentRef: row.payment_ref as string,
    decision: row.decision as Decision,
    score: row.score as number,
    modelVersion: row.model_version as string,
    ruleSetVersion: row.rule_set_version as number,
    decidedBy: (row.decided_by as string | null) ?? undefined,
    fired: row.fired as FiredRule[],
    features: row.features as FeatureValues,
    shadow:
      row.shadow_rule_set_version === null
        ? undefined
        : { ruleSetVersion: row.shadow_rule_set_version as number, decision: row.shadow_decision as Decision, fired: row.shadow_fired as FiredRule[] },
    decidedAt: row.decided_at as Date,
  };
}
