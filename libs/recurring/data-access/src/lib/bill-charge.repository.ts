import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

export interface BillChargeRecord {
  chargeKey: string;
  shopId: string;
  cycle: string;
  cardRef: string;
  amount: number;
  currency: string;
  chargeDate: string;
  status: 'authorized' | 'declined';
  authorizationId: string | null;
  declineCode: string | null;
}

/**
 * Charges of bills paid automatically with a mandate: rows of `charge` keyed `bill:<billId>` (no definition),
 * so the sales-confirmation file captures them with the cycle's other authorized charges.
 */
@Injectable()
export class BillChargeRepository {
  /**
   * The card and customer of a shop's mandate and whether the mandate was revoked, or null when the shop has no such mandate.
   * The row is locked until the caller commits: a revocation waits for a charge in progress, or the charge sees it.
   */
  async cardOfMandate(transaction: EntityManager, shopId: string, mandateId: string): Promise<{ cardRef: string; customerPhone: string; revoked: boolean } | null> {
    const rows: { card_ref: string; customer_phone: string; revoked: boolean }[] = await transaction.query(
      `SELECT card_ref, customer_phone, revoked_at IS NOT NULL AS revoked FROM ${recurringTable(transaction, 'mandate')} WHERE mandate_request_id = $1 AND shop_id = $2 FOR SHARE`,
      [mandateId, shopId],
    );
    return rows[0] ? { cardRef: rows[0].card_ref, customerPhone: rows[0].customer_phone, revoked: rows[0].revoked } : null;
  }

  async find(transaction: EntityManager, chargeKey: string): Promise<{ status: string } | null> {
    const rows: { status: string }[] = await transaction.query(`SELECT status FROM ${recurringTable(transaction, 'charge')} WHERE charge_key = $1`, [chargeKey]);
    return rows[0] ?? null;
  }

  /** Records the charge with its outcome; false when it was recorded before (the unique charge key). */
  async insertIfAbsent(transaction: EntityManager, charge: BillChargeRecord): Promise<boolean> {
    const rows: unknown[] = await transaction.query(
      `INSERT INTO ${recurringTable(transaction, 'charge')}
         (charge_key, shop_id, cycle, definition_id, card_ref, amount, currency, charge_date, status, authorization_id, decline_code)
       VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (charge_key) DO NOTHING RETURNING id`,
      [charge.chargeKey, charge.shopId, charge.cycle, charge.cardRef, charge.amount, charge.currency, charge.chargeDate, charge.status, charge.authorizationId, charge.declineCode],
    );
    return rows.length === 1;
  }

  /** A bill's charge, locked until the caller commits (a capture file being prepared waits, or it sees the change). */
  async lock(transaction: EntityManager, shopId: string, chargeKey: string): Promise<{ status: string; authorizationId: string | null } | null> {
    const rows: { status: string; authorization_id: string | null }[] = await transaction.query(
      `SELECT status, authorization_id FROM ${recurringTable(transaction, 'charge')} WHERE charge_key = $1 AND shop_id = $2 FOR UPDATE`,
      [chargeKey, shopId],
    );
    return rows[0] ? { status: rows[0].status, authorizationId: rows[0].authorization_id } : null;
  }

  /** The authorization was released: the charge is canceled and no sales-confirmation file captures it. */
  async markCanceled(transaction: EntityManager, chargeKey: string): Promise<void> {
    await transaction.query(`UPDATE ${recurringTable(transaction, 'charge')} SET status = 'canceled' WHERE charge_key = $1 AND status = 'authorized'`, [chargeKey]);
  }
}
