import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFINITION_CHARGE_KEY_SQL } from '@kessai/recurring-domain';
import { recurringTable } from './recurring-tables';

const ACTIVE_DEFINITION = `d.shop_id = $1 AND d.stopped_at IS NULL AND d.start_cycle <= $2 AND (d.end_cycle IS NULL OR d.end_cycle >= $2)`;

@Injectable()
export class ChargeRepository {
  constructor(private readonly dataSource: DataSource) {}

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
}
