import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

export interface MandateRecord {
  mandateRequestId: string;
  shopId: string;
  customerPhone: string;
  cardRef: string;
  billId: string;
  amount: number | null;
  currency: string;
  consentedAt: string;
}

@Injectable()
export class MandateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the mandate once per request id; false when it was stored before. */
  async insertIfAbsent(transaction: EntityManager, mandate: MandateRecord): Promise<boolean> {
    const rows: unknown[] = await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'mandate')}
         (mandate_request_id, shop_id, customer_phone, card_ref, bill_id, amount, currency, consented_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (mandate_request_id) DO NOTHING RETURNING mandate_request_id`,
      [mandate.mandateRequestId, mandate.shopId, mandate.customerPhone, mandate.cardRef, mandate.billId, mandate.amount, mandate.currency, mandate.consentedAt],
    );
    return rows.length === 1;
  }

  async findOfShop(shopId: string): Promise<MandateRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT mandate_request_id, shop_id, customer_phone, card_ref, bill_id, amount, currency, consented_at
       FROM ${recurringTable(this.dataSource, 'mandate')} WHERE shop_id = $1 ORDER BY consented_at`,
      [shopId],
    );
    return rows.map((row) => ({
      mandateRequestId: row.mandate_request_id as string,
      shopId: row.shop_id as string,
      customerPhone: row.customer_phone as string,
      cardRef: row.card_ref as string,
      billId: row.bill_id as string,
      amount: row.amount === null ? null : Number(row.amount),
      currency: row.currency as string,
      consentedAt: (row.consented_at as Date).toISOString(),
    }));
  }
}
