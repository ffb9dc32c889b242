import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ShopSettings, shopSettings } from '@kessai/recurring-domain';
import { recurringTable } from './recurring-tables';

@Injectable()
export class ShopRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(shopId: string, settings: ShopSettings): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${recurringTable(this.dataSource, 'shop')} (id, cycle_deadline_day, floor_limit_eligible, immediate_quota)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET cycle_deadline_day = EXCLUDED.cycle_deadline_day,
         floor_limit_eligible = EXCLUDED.floor_limit_eligible, immediate_quota = EXCLUDED.immediate_quota`,
      [shopId, settings.cycleDeadlineDay, settings.floorLimitEligible, settings.immediateQuota],
    );
  }

  async find(shopId: string): Promise<ShopSettings | null> {
    const rows: { cycle_deadline_day: number; floor_limit_eligible: boolean; immediate_quota: number }[] = await this.dataSource.query(
      `SELECT cycle_deadline_day, floor_limit_eligible, immediate_quota FROM ${recurringTable(this.dataSource, 'shop')} WHERE id = $1`,
      [shopId],
    );
    const row = rows[0];
    return row ? shopSettings({ cycleDeadlineDay: row.cycle_deadline_day, floorLimitEligible: row.floor_limit_eligible, immediateQuota: row.immediate_quota }) : null;
  }

  /**
   * Shop ids a job covers: the included ones (all when none given) minus the excluded ones, and only those with
   * the given upload deadline day when one is given.
   */
  async selectIds(transaction: EntityManager, include: string[] | null, exclude: string[] | null, deadlineDay: number | null = null): Promise<string[]> {
    const rows: { id: string }[] = await transaction.query(
      `SELECT id FROM ${recurringTable(transaction, 'shop')}
       WHERE ($1::text[] IS NULL OR id = ANY($1)) AND ($2::text[] IS NULL OR NOT (id = ANY($2)))
         AND ($3::smallint IS NULL OR cycle_deadline_day = $3)
       ORDER BY id`,
      [include, exclude, deadlineDay],
    );
    return rows.map((row) => row.id);
  }
}
