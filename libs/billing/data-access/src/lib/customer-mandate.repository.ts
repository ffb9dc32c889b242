import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillEntity } from './bill.entity';

/** Billing's projection of the recurring engine's mandates: merchant + customer phone → mandate. */
@Injectable()
export class CustomerMandateRepository {
  /**
   * Records a mandate; a later consent of the same customer replaces an earlier one (the newest card is the
   * one the customer chose). False when this mandate, or a newer one, was recorded before.
   */
  async record(transaction: EntityManager, mandate: { merchantId: string; customerPhone: string; mandateId: string; consentedAt: Date }, now: Date): Promise<boolean> {
    // A mandate revoked before its creation arrived (another topic) is not recorded.
    const rows: unknown[] = await transaction.query(
      `INSERT INTO ${tableOf(transaction)} (merchant_id, customer_phone, mandate_id, consented_at, recorded_at)
       SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM ${tableOf(transaction, 'revoked_mandate')} WHERE mandate_id = $3)
       ON CONFLICT (merchant_id, customer_phone) DO UPDATE SET mandate_id = excluded.mandate_id, consented_at = excluded.consented_at, recorded_at = excluded.recorded_at
         WHERE customer_mandate.consented_at < excluded.consented_at AND customer_mandate.mandate_id <> excluded.mandate_id
       RETURNING mandate_id`,
      [mandate.merchantId, mandate.customerPhone, mandate.mandateId, mandate.consentedAt, now],
    );
    return rows.length === 1;
  }

  /**
   * The recurring engine ended this mandate of the merchant: the customer's later bills get a payment link. The
   * revocation is kept so that the mandate's creation, arriving later, does not bring it back. False when it was
   * revoked before.
   */
  async revoke(transaction: EntityManager, revocation: { merchantId: string; mandateId: string; reason: string; revokedAt: Date }): Promise<boolean> {
    const rows: unknown[] = await transaction.query(
      `INSERT INTO ${tableOf(transaction, 'revoked_mandate')} (mandate_id, merchant_id, reason, revoked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mandate_id) DO NOTHING RETURNING mandate_id`,
      [revocation.mandateId, revocation.merchantId, revocation.reason, revocation.revokedAt],
    );
    await transaction.query(`DELETE FROM ${tableOf(transaction)} WHERE merchant_id = $1 AND mandate_id = $2`, [revocation.merchantId, revocation.mandateId]);
    return rows.length === 1;
  }

  /** The mandates of these customers of the merchant (phone → mandate id). */
  async mandatesOf(manager: EntityManager, merchantId: string, customerPhones: string[]): Promise<Map<string, string>> {
    if (customerPhones.length === 0) return new Map();
    const rows: { customer_phone: string; mandate_id: string }[] = await manager.query(
      `SELECT customer_phone, mandate_id FROM ${tableOf(manager)} WHERE merchant_id = $1 AND customer_phone = ANY($2::text[])`,
      [merchantId, customerPhones],
    );
    return new Map(rows.map((row) => [row.customer_phone, row.mandate_id]));
  }
}

function tableOf(manager: EntityManager, table: 'customer_mandate' | 'revoked_mandate' = 'customer_mandate'): string {
  return manager.connection.getMetadata(BillEntity).tablePath.replace(/bill$/, table);
}
