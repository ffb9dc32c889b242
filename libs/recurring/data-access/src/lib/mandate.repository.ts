import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MANDATE_REVOKED_REASONS } from '@kessai/recurring-contracts';
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

export type MandateRevocationReason = (typeof MANDATE_REVOKED_REASONS)[number];

export interface StoredMandate extends MandateRecord {
  revokedAt: string | null;
  revocationReason: MandateRevocationReason | null;
}

// An UPDATE … RETURNING answers TypeORM's query() as [rows, count]: updates are wrapped in a CTE to get rows.
const COLUMNS = 'mandate_request_id, shop_id, customer_phone, card_ref, bill_id, amount, currency, consented_at, revoked_at, revocation_reason';

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

  /** The shop's mandates, newest consent first, optionally of one customer. */
  async findOfShop(shopId: string, filter: { customerPhone?: string; limit?: number } = {}): Promise<StoredMandate[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${recurringTable(this.dataSource, 'mandate')}
       WHERE shop_id = $1 AND ($2::text IS NULL OR customer_phone = $2) ORDER BY consented_at DESC, mandate_request_id LIMIT $3`,
      [shopId, filter.customerPhone ?? null, filter.limit ?? 100],
    );
    return rows.map(toStoredMandate);
  }

  /**
   * Ends a mandate of the shop, once: `revokedNow` is false when it had ended before (the first revocation and
   * its reason stay). Null when the shop has no such mandate. Locks the row, so a concurrent charge of the same
   * mandate either ran before or sees it revoked.
   */
  async revoke(
    transaction: EntityManager,
    shopId: string,
    mandateRequestId: string,
    reason: MandateRevocationReason,
    now: Date,
  ): Promise<{ mandate: StoredMandate; revokedNow: boolean } | null> {
    const table = recurringTable(transaction, 'mandate');
    const revoked: Record<string, unknown>[] = await transaction.query(
      `WITH revoked AS (UPDATE ${table} SET revoked_at = $3, revocation_reason = $4
         WHERE mandate_request_id = $1 AND shop_id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS})
       SELECT * FROM revoked`,
      [mandateRequestId, shopId, now, reason],
    );
    if (revoked.length === 1) return { mandate: toStoredMandate(revoked[0]), revokedNow: true };
    const existing: Record<string, unknown>[] = await transaction.query(`SELECT ${COLUMNS} FROM ${table} WHERE mandate_request_id = $1 AND shop_id = $2`, [
      mandateRequestId,
      shopId,
    ]);
    return existing.length === 1 ? { mandate: toStoredMandate(existing[0]), revokedNow: false } : null;
  }

  /** Ends every mandate of the shop that charges one of these cards (closed accounts); returns the mandates it ended. */
  async revokeOfCards(transaction: EntityManager, shopId: string, cardRefs: string[], reason: MandateRevocationReason, now: Date): Promise<StoredMandate[]> {
    if (cardRefs.length === 0) return [];
    const rows: Record<string, unknown>[] = await transaction.query(
      `WITH revoked AS (UPDATE ${recurringTable(transaction, 'mandate')} SET revoked_at = $3, revocation_reason = $4
         WHERE shop_id = $1 AND card_ref = ANY($2::text[]) AND revoked_at IS NULL RETURNING ${COLUMNS})
       SELECT * FROM revoked ORDER BY mandate_request_id`,
      [shopId, cardRefs, now, reason],
    );
    return rows.map(toStoredMandate);
  }
}

function toStoredMandate(row: Record<string, unknown>): StoredMandate {
  return {
    mandateRequestId: row.mandate_request_id as string,
    shopId: row.shop_id as string,
    customerPhone: row.customer_phone as string,
    cardRef: row.card_ref as string,
    billId: row.bill_id as string,
    amount: row.amount === null ? null : Number(row.amount),
    currency: (row.currency as string).trim(),
    consentedAt: (row.consented_at as Date).toISOString(),
    revokedAt: row.revoked_at ? (row.revoked_at as Date).toISOString() : null,
    revocationReason: (row.revocation_reason as MandateRevocationReason | null) ?? null,
  };
}
