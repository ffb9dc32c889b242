import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

/** A declined charge whose dunning is not over, with its retry state and the card its definition bills now. */
export interface DeclinedCharge {
  id: string;
  chargeKey: string;
  /** The definition's current card (a refreshed replacement) or, without a definition, the charge's own. */
  cardRef: string;
  amount: number;
  currency: string;
  declineCode: string;
  declinedAt: Date;
  retry: { firstDeclinedAt: Date; attemptsMade: number; nextRetryAt: Date | null } | null;
  definitionActive: boolean;
}

export interface RetryState {
  chargeId: string;
  status: 'scheduled' | 'succeeded' | 'stopped';
  firstDeclinedAt: Date;
  attemptsMade: number;
  nextRetryAt: Date | null;
  stopReason: string | null;
}

/** Dunning: declined charges, their retry schedule, and the answers of retries. */
@Injectable()
export class DunningRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countOpen(shopId: string, cycle: string): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${recurringTable(this.dataSource, 'charge')} c
       LEFT JOIN ${recurringTable(this.dataSource, 'charge_retry')} r ON r.charge_id = c.id
       WHERE c.shop_id = $1 AND c.cycle = $2 AND c.status = 'declined' AND (r.status IS NULL OR r.status = 'scheduled')`,
      [shopId, cycle],
    );
    return Number(rows[0].count);
  }

  /** The next declined charges (dunning not over) after a charge id, locked until the chunk commits. */
  async lockOpenChunk(transaction: EntityManager, shopId: string, cycle: string, afterId: string, limit: number, lock: boolean): Promise<DeclinedCharge[]> {
    const rows: Record<string, unknown>[] = await transaction.query(
      `SELECT c.id::text AS id, c.charge_key, COALESCE(d.card_ref, c.card_ref) AS card_ref, c.amount::text AS amount, c.currency, c.decline_code,
              c.updated_at, r.first_declined_at, r.attempts_made, r.next_retry_at, r.charge_id IS NOT NULL AS has_retry,
              (c.definition_id IS NULL OR (d.id IS NOT NULL AND d.stopped_at IS NULL)) AS definition_active
       FROM ${recurringTable(transaction, 'charge')} c
       LEFT JOIN ${recurringTable(transaction, 'charge_retry')} r ON r.charge_id = c.id
       LEFT JOIN ${recurringTable(transaction, 'recurring_definition')} d ON d.id = c.definition_id
       WHERE c.shop_id = $1 AND c.cycle = $2 AND c.status = 'declined' AND c.id > $3::bigint AND (r.status IS NULL OR r.status = 'scheduled')
       ORDER BY c.id LIMIT $4 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [shopId, cycle, afterId === '' ? '0' : afterId, limit],
    );
    return rows.map((row) => ({
      id: row.id as string,
      chargeKey: row.charge_key as string,
      cardRef: row.card_ref as string,
      amount: Number(row.amount),
      currency: row.currency as string,
      declineCode: (row.decline_code as string | null) ?? '',
      declinedAt: row.updated_at as Date,
      retry: row.has_retry
        ? { firstDeclinedAt: row.first_declined_at as Date, attemptsMade: Number(row.attempts_made), nextRetryAt: row.next_retry_at as Date | null }
        : null,
      definitionActive: row.definition_active as boolean,
    }));
  }

  /** Writes the retry state of a chunk's charges in one statement. */
  async saveRetryStates(transaction: EntityManager, shopId: string, cycle: string, states: RetryState[], now: Date): Promise<void> {
    if (states.length === 0) return;
    await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'charge_retry')}
         (charge_id, shop_id, cycle, status, first_declined_at, attempts_made, next_retry_at, stop_reason, updated_at)
       SELECT s.charge_id, $1, $2, s.status, s.first_declined_at, s.attempts_made, s.next_retry_at, s.stop_reason, $3
       FROM unnest($4::bigint[], $5::text[], $6::timestamptz[], $7::smallint[], $8::timestamptz[], $9::text[])
         AS s(charge_id, status, first_declined_at, attempts_made, next_retry_at, stop_reason)
       ON CONFLICT (charge_id) DO UPDATE SET status = EXCLUDED.status, attempts_made = EXCLUDED.attempts_made,
         next_retry_at = EXCLUDED.next_retry_at, stop_reason = EXCLUDED.stop_reason, updated_at = EXCLUDED.updated_at`,
      [
        shopId,
        cycle,
        now,
        states.map((s) => s.chargeId),
        states.map((s) => s.status),
        states.map((s) => s.firstDeclinedAt),
        states.map((s) => s.attemptsMade),
        states.map((s) => s.nextRetryAt),
        states.map((s) => s.stopReason),
      ],
    );
  }

  /**
   * Applies retry answers in one statement: an approval authorizes the declined charge (on the card it was
   * retried with), a decline records its new code. Only a charge still declined moves.
   */
  async applyRetryAnswers(
    transaction: EntityManager,
    answers: { id: string; authorizationId: string | null; declineCode: string | null; cardRef: string }[],
    now: Date,
  ): Promise<Set<string>> {
    if (answers.length === 0) return new Set();
    const rows: { id: string }[] = await transaction.query(
      `WITH moved AS (UPDATE ${recurringTable(transaction, 'charge')} c
       SET status = CASE WHEN a.authorization_id IS NULL THEN 'declined' ELSE 'authorized' END,
           authorization_id = a.authorization_id, decline_code = a.decline_code, card_ref = a.card_ref, updated_at = $5
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS a(id, authorization_id, decline_code, card_ref)
       WHERE c.id = a.id AND c.status = 'declined'
       RETURNING c.id::text AS id)
       SELECT id FROM moved`,
      [answers.map((a) => a.id), answers.map((a) => a.authorizationId), answers.map((a) => a.declineCode), answers.map((a) => a.cardRef), now],
    );
    return new Set(rows.map((row) => row.id));
  }
}
