import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdentityKind } from '@kessai/screening-domain';
import { screeningTable } from '../screening-tables';

export type ListName = 'allow' | 'block';
/** `global`, or a merchant id for that merchant's own list. */
export type ListScope = string;

export interface ListEntry {
  scope: ListScope;
  list: ListName;
  identity: IdentityKind;
  value: string;
  reason: string;
}

@Injectable()
export class ListEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(entry: ListEntry, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${screeningTable(this.dataSource, 'list_entry')} (scope, list, identity, value, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, list, identity, value) DO UPDATE SET reason = EXCLUDED.reason`,
      [entry.scope, entry.list, entry.identity, normalizeListValue(entry.value), entry.reason, at],
    );
  }

  async remove(entry: Omit<ListEntry, 'reason'>): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM ${screeningTable(this.dataSource, 'list_entry')} WHERE scope = $1 AND list = $2 AND identity = $3 AND value = $4`,
      [entry.scope, entry.list, entry.identity, normalizeListValue(entry.value)],
    );
    return count > 0;
  }

  async ofScope(scope: ListScope): Promise<ListEntry[]> {
    return this.dataSource.query(
      `SELECT scope, list, identity, value, reason FROM ${screeningTable(this.dataSource, 'list_entry')} WHERE scope = $1 ORDER BY list, identity, value`,
      [scope],
    );
  }

  /** Which lists (global or the merchant's) hold any of the payment's identities: one indexed query. */
  async hits(merchantId: string, identities: Partial<Record<IdentityKind, string>>): Promise<{ list: ListName; identity: IdentityKind }[]> {
    const pairs = Object.entries(identities).filter(([, value]) => typeof value === 'string' && value.length > 0);
    if (pairs.length === 0) return [];
    return this.dataSource.query(
      `SELECT DISTINCT list, identity FROM ${screeningTable(this.dataSource, 'list_entry')}
       WHERE scope IN ('global', $1) AND (identity, value) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [merchantId, pairs.map(([identity]) => identity), pairs.map(([, value]) => normalizeListValue(value as string))],
    );
  }
}

/** List values are compared trimmed and in lowercase (e-mail addresses, device ids). */
export function normalizeListValue(value: string): string {
  return value.trim().toLowerCase();
}
