import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OnReviewPolicy } from '@kessai/screening-contracts';
import { screeningTable } from '../screening-tables';

export interface MerchantScreeningSetting {
  merchantId: string;
  enabled: boolean;
  onReview: OnReviewPolicy;
  version: number;
  changedAt: Date;
}

/** Whether a merchant's payments are screened before authorization: owned here, published to the services that ask. */
@Injectable()
export class MerchantScreeningRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(merchantId: string, manager: EntityManager | DataSource = this.dataSource): Promise<MerchantScreeningSetting | undefined> {
    const rows = await manager.query(`SELECT * FROM ${screeningTable(manager, 'merchant_screening')} WHERE merchant_id = $1`, [merchantId]);
    return rows[0] && toSetting(rows[0]);
  }

  /** Stores the setting with the next version (in the caller's transaction, beside its event). */
  async save(
    transaction: EntityManager,
    setting: { merchantId: string; enabled: boolean; onReview: OnReviewPolicy },
    at: Date,
    by: string,
  ): Promise<MerchantScreeningSetting> {
    const rows = await transaction.query(
      `INSERT INTO ${screeningTable(transaction, 'merchant_screening')} AS m (merchant_id, enabled, on_review, version, changed_at, changed_by)
       VALUES ($1, $2, $3, 1, $4, $5)
       ON CONFLICT (merchant_id) DO UPDATE SET enabled = EXCLUDED.enabled, on_review = EXCLUDED.on_review, version = m.version + 1,
         changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by
       RETURNING *`,
      [setting.merchantId, setting.enabled, setting.onReview, at, by],
    );
    return toSetting(rows[0]);
  }
}

function toSetting(row: Record<string, unknown>): MerchantScreeningSetting {
  return {
    merchantId: row.merchant_id as string,
    enabled: row.enabled as boolean,
    onReview: row.on_review as OnReviewPolicy,
    version: row.version as number,
    changedAt: row.changed_at as Date,
  };
}
