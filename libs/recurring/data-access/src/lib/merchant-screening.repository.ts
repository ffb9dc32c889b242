import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

export interface ShopScreening {
  enabled: boolean;
  onReview: 'decline' | 'allow';
}

/** The recurring context's copy of each merchant's screening setting; the newest version wins. */
@Injectable()
export class MerchantScreeningRepository {
  constructor(private readonly dataSource: DataSource) {}

  async apply(transaction: EntityManager, setting: { merchantId: string; enabled: boolean; onReview: string; version: number }): Promise<void> {
    await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'merchant_screening')} AS s (merchant_id, enabled, on_review, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (merchant_id) DO UPDATE SET enabled = EXCLUDED.enabled, on_review = EXCLUDED.on_review, version = EXCLUDED.version
       WHERE s.version < EXCLUDED.version`,
      [setting.merchantId, setting.enabled, setting.onReview, setting.version],
    );
  }

  /** A merchant credit screening never told us about is not screened. */
  async find(merchantId: string): Promise<ShopScreening> {
    const rows: { enabled: boolean; on_review: 'decline' | 'allow' }[] = await this.dataSource.query(
      `SELECT enabled, on_review FROM ${recurringTable(this.dataSource, 'merchant_screening')} WHERE merchant_id = $1`,
      [merchantId],
    );
    return rows[0] ? { enabled: rows[0].enabled, onReview: rows[0].on_review } : { enabled: false, onReview: 'decline' };
  }
}
