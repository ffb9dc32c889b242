import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recurringTable } from './recurring-tables';

/** A member as the merchant knows it: its own member id, and the card reference charged by default. */
export interface MemberRecord {
  memberId: string;
  cardRef: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface MemberRow {
  external_member_id: string;
  card_ref: string | null;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: MemberRow): MemberRecord => ({
  memberId: row.external_member_id,
  cardRef: row.card_ref,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Every statement filters by shop: a merchant never reads or changes another shop's members. */
@Injectable()
export class MemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(shopId: string, memberId: string, cardRef: string | null): Promise<{ member: MemberRecord; created: boolean }> {
    const rows: (MemberRow & { created: boolean })[] = await this.dataSource.query(
      `INSERT INTO ${recurringTable(this.dataSource, 'member')} AS m (id, shop_id, external_member_id, card_ref)
       VALUES (gen_random_uuid(), $1, $2, $3)
       ON CONFLICT (shop_id, external_member_id) DO UPDATE SET card_ref = EXCLUDED.card_ref, updated_at = now()
       RETURNING m.external_member_id, m.card_ref, m.created_at, m.updated_at, (xmax = 0) AS created`,
      [shopId, memberId, cardRef],
    );
    return { member: toRecord(rows[0]), created: rows[0].created };
  }

  async find(shopId: string, memberId: string): Promise<MemberRecord | null> {
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT external_member_id, card_ref, created_at, updated_at FROM ${recurringTable(this.dataSource, 'member')}
       WHERE shop_id = $1 AND external_member_id = $2`,
      [shopId, memberId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The internal id and card of a member, for a charge. */
  async findForCharge(shopId: string, memberId: string): Promise<{ id: string; cardRef: string | null } | null> {
    const rows: { id: string; card_ref: string | null }[] = await this.dataSource.query(
      `SELECT id, card_ref FROM ${recurringTable(this.dataSource, 'member')} WHERE shop_id = $1 AND external_member_id = $2`,
      [shopId, memberId],
    );
    return rows[0] ? { id: rows[0].id, cardRef: rows[0].card_ref } : null;
  }

  /** Members in member-id order after `after` (keyset paging). */
  async page(shopId: string, after: string, limit: number): Promise<MemberRecord[]> {
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT external_member_id, card_ref, created_at, updated_at FROM ${recurringTable(this.dataSource, 'member')}
       WHERE shop_id = $1 AND external_member_id COLLATE "C" > $2 ORDER BY external_member_id COLLATE "C" LIMIT $3`,
      [shopId, after, limit],
    );
    return rows.map(toRecord);
  }
}
