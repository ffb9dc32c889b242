import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFINITION_CHARGE_KEY_SQL } from '@kessai/recurring-domain';
import { recurringTable } from './recurring-tables';

const ACTIVE_DEFINITION = `d.shop_id = $1 AND d.stopped_at IS NULL AND d.start_cycle <= $2 AND (d.end_cycle IS NULL OR d.end_cycle >= $2)`;

@Injectable()
export class ChargeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a shop's charges of a cycle, in id order after `afterId` (keyset paging for result files). */
  async pageOfShop(shopId: string, cycle: string, afterId: string, limit: number): Promise<ChargeResultRow[]> {
    return this.dataSource.query(
      `SELECT c.id::text AS id, c.charge_key, c.definition_id, c.card_ref, c.amount::text AS amount, c.currency,
              to_char(c.charge_date, 'YYYY-MM-DD') AS charge_date, c.status, c.authorization_id, c.decline_code, c.floor_limit,
              c.sale_id, to_char(c.captured_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS captured_on,
              r.status AS dunning_status, r.attempts_made AS retry_attempts,
              to_char(r.next_retry_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS next_retry_at, r.stop_reason AS dunning_stop_reason
       FROM ${recurringTable(this.dataSource, 'charge')} c
       LEFT JOIN ${recurringTable(this.dataSource, 'charge_retry')} r ON r.charge_id = c.id
       WHERE c.shop_id = $1 AND c.cycle = $2 AND c.id > $3::bigint ORDER BY c.id LIMIT $4`,
      [shopId, cycle, afterId, limit],
    );
  }

  /** Definitions of a shop that bill in a cycle. */
  async countActiveDefinitions(shopId: string, cycle: string): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${recurringTable(this.dataSource, 'recurring_definition')} d WHERE ${ACTIVE_DEFINITION}`,
      [shopId, cycle],
    );
    return Number(rows[0].count);
  }

  /**
   * One set-based statement per chunk: the next `limit` active definitions after `afterDefinitionId` become
   * pending charges. A charge that exists already (a replay after a crash) is left alone by the unique key.
   * With `dryRun` nothing is written; the chunk is only counted.
   */
  async generateFromDefinitions(
    transaction: EntityManager,
    chunk: { shopId: string; cycle: string; afterDefinitionId: string; limit: number; dryRun: boolean },
  ): Promise<{ selected: number; inserted: number; lastDefinitionId: string | null }> {
    const definitions = recurringTable(transaction, 'recurring_definition');
    const monthStart = `to_date($2, 'YYYY-MM')`;
    const insert = chunk.dryRun
      ? `SELECT 0 AS inserted`
      : `INSERT INTO ${recurringTable(transaction, 'charge')}
           (charge_key, shop_id, cycle, definition_id, card_ref, amount, currency, charge_date, status)
         SELECT ${DEFINITION_CHARGE_KEY_SQL('b.id', '$2')}, $1, $2, b.id, b.card_ref, b.amount, b.currency,
           ${monthStart} + (LEAST(b.day_of_cycle, EXTRACT(DAY FROM ${monthStart} + interval '1 month' - interval '1 day')::int) - 1),
           'pending'
         FROM batch b
         ON CONFLICT DO NOTHING RETURNING 1`;
    const rows: { selected: string; inserted: string; last_id: string | null }[] = await transaction.query(
      `WITH batch AS (
         SELECT d.id, d.card_ref, d.amount, d.currency, d.day_of_cycle FROM ${definitions} d
         WHERE ${ACTIVE_DEFINITION} AND d.id COLLATE "C" > $3 ORDER BY d.id COLLATE "C" LIMIT $4
       ), inserted AS (${insert})
       SELECT (SELECT count(*) FROM batch) AS selected, (SELECT count(*) FROM inserted) AS inserted,
              (SELECT max(id COLLATE "C") FROM batch) AS last_id`,
      [chunk.shopId, chunk.cycle, chunk.afterDefinitionId, chunk.limit],
    );
    return { selected: Number(rows[0].selected), inserted: Number(rows[0].inserted), lastDefinitionId: rows[0].last_id };
  }

  async countPending(shopId: string, cycle: string): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM ${recurringTable(this.dataSource, 'charge')} WHERE shop_id = $1 AND cycle = $2 AND status = 'pending'`,
      [shopId, cycle],
    );
    return Number(rows[0].count);
  }

  /**
   * The next pending charges of a shop after a charge id, in id order. Read without a lock: the partition's lease
   * gives one run the shop, and an answer applies only to a charge still pending.
   */
  async readPending(shopId: string, cycle: string, afterId: string, limit: number): Promise<PendingCharge[]> {
    const rows: { id: string; charge_key: string; card_ref: string; amount: string; currency: string; immediate: boolean }[] = await this.dataSource.query(
      // ORDER BY c.id, the bigint column: a bare "id" would be the text alias and order 10 before 9
      `SELECT c.id::text AS id, c.charge_key, c.card_ref, c.amount::text AS amount, c.currency, c.immediate FROM ${recurringTable(this.dataSource, 'charge')} c
       WHERE c.shop_id = $1 AND c.cycle = $2 AND c.status = 'pending' AND c.id > $3::bigint ORDER BY c.id LIMIT $4`,
      [shopId, cycle, afterId === '' ? '0' : afterId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      chargeKey: row.charge_key,
      cardRef: row.card_ref,
      amount: Number(row.amount),
      currency: row.currency,
      immediate: row.immediate,
    }));
  }

  /**
   * Applies authorization outcomes in one statement. Only a pending charge moves: a charge already authorized
   * or declined (a replay) is left alone and not returned, so its event is not published twice.
   */
  async applyAuthorizationOutcomes(transaction: EntityManager, outcomes: AuthorizationOutcome[]): Promise<string[]> {
    if (outcomes.length === 0) return [];
    const rows: { id: string }[] = await transaction.query(
      // a CTE, so the driver answers the rows (a bare UPDATE ... RETURNING answers [rows, count])
      `WITH moved AS (UPDATE ${recurringTable(transaction, 'charge')} c
       SET status = o.status, authorization_id = o.authorization_id, decline_code = o.decline_code, floor_limit = o.floor_limit, updated_at = now()
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS o(id, status, authorization_id, decline_code, floor_limit)
       WHERE c.id = o.id AND c.status = 'pending'
       RETURNING c.id::text AS id)
       SELECT id FROM moved`,
      [
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.status),
        outcomes.map((o) => o.authorizationId),
        outcomes.map((o) => o.declineCode),
        outcomes.map((o) => o.floorLimit),
      ],
    );
    return rows.map((row) => row.id);
  }
}

export interface PendingCharge {
  id: string;
  chargeKey: string;
  cardRef: string;
  amount: number;
  currency: string;
  /** From an immediate file (or an API call): always authorized, never under the floor limit. */
  immediate?: boolean;
}

export interface AuthorizationOutcome {
  id: string;
  status: 'authorized' | 'declined';
  authorizationId: string | null;
  declineCode: string | null;
  floorLimit: boolean;
}

/** A charge as the shop's result file shows it. */
export interface ChargeResultRow {
  id: string;
  charge_key: string;
  definition_id: string | null;
  card_ref: string;
  amount: string;
  currency: string;
  charge_date: string;
  status: string;
  authorization_id: string | null;
  decline_code: string | null;
  floor_limit: boolean;
  /** The processor's sale once captured. */
  sale_id: string | null;
  /** Day of capture, Japan time. */
  captured_on: string | null;
  /** Dunning of a declined charge: scheduled, succeeded or stopped. */
  dunning_status: string | null;
  retry_attempts: number | null;
  next_retry_at: string | null;
  dunning_stop_reason: string | null;
}
