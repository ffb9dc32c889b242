import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecurringDefinition } from '@kessai/recurring-domain';
import { recurringTable } from './recurring-tables';

/** A recurring definition as the merchant sees it (its own member id, not ours). */
export interface DefinitionRecord {
  id: string;
  memberId: string;
  cardRef: string;
  amount: number;
  currency: string;
  dayOfCycle: number;
  startCycle: string;
  endCycle: string | null;
  stoppedAt: Date | null;
  createdAt: Date;
}

interface DefinitionRow {
  id: string;
  external_member_id: string;
  card_ref: string;
  amount: string;
  currency: string;
  day_of_cycle: number;
  start_cycle: string;
  end_cycle: string | null;
  stopped_at: Date | null;
  created_at: Date;
}

const toRecord = (row: DefinitionRow): DefinitionRecord => ({
  id: row.id,
  memberId: row.external_member_id,
  cardRef: row.card_ref,
  amount: Number(row.amount),
  currency: row.currency,
  dayOfCycle: row.day_of_cycle,
  startCycle: row.start_cycle,
  endCycle: row.end_cycle,
  stoppedAt: row.stopped_at,
  createdAt: row.created_at,
});

/** Every statement filters by shop: a merchant never reads or stops another shop's definitions. */
@Injectable()
export class DefinitionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private columns(): string {
    return `d.id, m.external_member_id, d.card_ref, d.amount::text AS amount, d.currency, d.day_of_cycle, d.start_cycle, d.end_cycle, d.stopped_at, d.created_at`;
  }

  private from(): string {
    return `${recurringTable(this.dataSource, 'recurring_definition')} d JOIN ${recurringTable(this.dataSource, 'member')} m ON m.id = d.member_id`;
  }

  /** Inserts the definition for the shop's member (by the merchant's member id); null when there is no such member. */
  async insert(definition: RecurringDefinition): Promise<DefinitionRecord | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO ${recurringTable(this.dataSource, 'recurring_definition')}
         (id, shop_id, member_id, card_ref, amount, currency, day_of_cycle, start_cycle, end_cycle)
       SELECT $1, $2, m.id, $4, $5, $6, $7, $8, $9 FROM ${recurringTable(this.dataSource, 'member')} m
       WHERE m.shop_id = $2 AND m.external_member_id = $3
       RETURNING id`,
      [
        definition.id,
        definition.shopId,
        definition.memberId,
        definition.cardRef,
        definition.amount.minorUnits,
        definition.amount.currencyCode,
        definition.dayOfCycle,
        definition.startCycle.toString(),
        definition.endCycle?.toString() ?? null,
      ],
    );
    return rows[0] ? this.find(definition.shopId, rows[0].id) : null;
  }

  async find(shopId: string, id: string): Promise<DefinitionRecord | null> {
    const rows: DefinitionRow[] = await this.dataSource.query(`SELECT ${this.columns()} FROM ${this.from()} WHERE d.shop_id = $1 AND d.id = $2`, [shopId, id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Definitions in id order after `after`, optionally of one member. */
  async page(shopId: string, memberId: string | null, after: string, limit: number): Promise<DefinitionRecord[]> {
    const rows: DefinitionRow[] = await this.dataSource.query(
      `SELECT ${this.columns()} FROM ${this.from()}
       WHERE d.shop_id = $1 AND ($2::text IS NULL OR m.external_member_id = $2) AND d.id COLLATE "C" > $3
       ORDER BY d.id COLLATE "C" LIMIT $4`,
      [shopId, memberId, after, limit],
    );
    return rows.map(toRecord);
  }

  /** Stops a definition: no cycle is charged from now on. Stopping twice keeps the first stop. */
  async stop(shopId: string, id: string, at: Date): Promise<DefinitionRecord | null> {
    await this.dataSource.query(
      `UPDATE ${recurringTable(this.dataSource, 'recurring_definition')} SET stopped_at = $3 WHERE shop_id = $1 AND id = $2 AND stopped_at IS NULL`,
      [shopId, id, at],
    );
    return this.find(shopId, id);
  }
}
