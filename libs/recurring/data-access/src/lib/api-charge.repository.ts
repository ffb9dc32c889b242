import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { recurringTable } from './recurring-tables';

/** A charge made by one API call, as stored. */
export interface ApiChargeRecord {
  id: string;
  chargeKey: string;
  shopId: string;
  cycle: string;
  memberId: string;
  cardRef: string;
  amount: number;
  currency: string;
  chargeDate: string;
  status: string;
  authorizationId: string | null;
  declineCode: string | null;
  createdAt: Date;
}

interface ApiChargeRow {
  id: string;
  charge_key: string;
  shop_id: string;
  cycle: string;
  external_member_id: string;
  card_ref: string;
  amount: string;
  currency: string;
  charge_date: string;
  status: string;
  authorization_id: string | null;
  decline_code: string | null;
  created_at: Date;
}

const toRecord = (row: ApiChargeRow): ApiChargeRecord => ({
  id: row.id,
  chargeKey: row.charge_key,
  shopId: row.shop_id,
  cycle: row.cycle,
  memberId: row.external_member_id,
  cardRef: row.card_ref,
  amount: Number(row.amount),
  currency: row.currency,
  chargeDate: row.charge_date,
  status: row.status,
  authorizationId: row.authorization_id,
  declineCode: row.decline_code,
  createdAt: row.created_at,
});

/**
 * Charges made one per API call. The charge key (a digest of shop and Idempotency-Key) is unique: a retry
 * finds the first call's charge, locked, so two calls with one key never authorize twice.
 */
@Injectable()
export class ApiChargeRepository {
  /** Inserts the pending charge unless its key exists, then locks and answers the charge of that key. */
  async insertOrLock(
    transaction: EntityManager,
    charge: { chargeKey: string; shopId: string; cycle: string; memberUuid: string; cardRef: string; amount: number; currency: string; chargeDate: string },
  ): Promise<ApiChargeRecord> {
    const table = recurringTable(transaction, 'charge');
    await transaction.query(
      `INSERT INTO ${table} (charge_key, shop_id, cycle, card_ref, amount, currency, charge_date, status, member_id, immediate)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, true) ON CONFLICT (charge_key) DO NOTHING`,
      [charge.chargeKey, charge.shopId, charge.cycle, charge.cardRef, charge.amount, charge.currency, charge.chargeDate, charge.memberUuid],
    );
    const rows: ApiChargeRow[] = await transaction.query(
      `SELECT c.id::text AS id, c.charge_key, c.shop_id, c.cycle, m.external_member_id, c.card_ref, c.amount::text AS amount, c.currency,
              to_char(c.charge_date, 'YYYY-MM-DD') AS charge_date, c.status, c.authorization_id, c.decline_code, c.created_at
       FROM ${table} c JOIN ${recurringTable(transaction, 'member')} m ON m.id = c.member_id
       WHERE c.charge_key = $1 AND c.shop_id = $2 FOR UPDATE OF c`,
      [charge.chargeKey, charge.shopId],
    );
    return toRecord(rows[0]);
  }

  async findOfShop(transaction: EntityManager, shopId: string, id: string): Promise<ApiChargeRecord | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const rows: ApiChargeRow[] = await transaction.query(
      `SELECT c.id::text AS id, c.charge_key, c.shop_id, c.cycle, m.external_member_id, c.card_ref, c.amount::text AS amount, c.currency,
              to_char(c.charge_date, 'YYYY-MM-DD') AS charge_date, c.status, c.authorization_id, c.decline_code, c.created_at
       FROM ${recurringTable(transaction, 'charge')} c JOIN ${recurringTable(transaction, 'member')} m ON m.id = c.member_id
       WHERE c.id = $1::bigint AND c.shop_id = $2 AND c.charge_key LIKE 'api:%'`,
      [id, shopId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
