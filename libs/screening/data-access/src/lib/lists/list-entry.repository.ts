import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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

export interface ListChange {
  id: string;
  scope: ListScope;
  list: ListName;
  identity: IdentityKind;
  value: string;
  change: 'add' | 'remove';
}

/**
 * Allow and block lists. Every change is also written to a change log in the same transaction, so each
 * instance can keep the lists in memory and apply what changed since it last looked.
 */
@Injectable()
export class ListEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(entry: ListEntry, at: Date): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      const value = normalizeListValue(entry.value);
      await transaction.query(
        `INSERT INTO ${screeningTable(transaction, 'list_entry')} (scope, list, identity, value, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, list, identity, value) DO UPDATE SET reason = EXCLUDED.reason`,
        [entry.scope, entry.list, entry.identity, value, entry.reason, at],
      );
      await this.logChange(transaction, { ...entry, value }, 'add', at);
    });
  }

  async remove(entry: Omit<ListEntry, 'reason'>, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (transaction) => {
      const value = normalizeListValue(entry.value);
      const [, count] = await transaction.query(
        `DELETE FROM ${screeningTable(transaction, 'list_entry')} WHERE scope = $1 AND list = $2 AND identity = $3 AND value = $4`,
        [entry.scope, entry.list, entry.identity, value],
      );
      if (count > 0) await this.logChange(transaction, { ...entry, value }, 'remove', at);
      return count > 0;
    });
  }

  async ofScope(scope: ListScope): Promise<ListEntry[]> {
    return this.dataSource.query(
      `SELECT scope, list, identity, value, reason FROM ${screeningTable(this.dataSource, 'list_entry')} WHERE scope = $1 ORDER BY list, identity, value`,
      [scope],
    );
  }

  /** Every entry, and the last change they include: a consistent starting point for applying later changes. */
  async snapshot(): Promise<{ entries: Omit<ListEntry, 'reason'>[]; lastChange: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (transaction) => {
      const [{ last }] = await transaction.query(`SELECT coalesce(max(id), 0)::text AS last FROM ${screeningTable(transaction, 'list_change')}`);
      const entries = await transaction.query(`SELECT scope, list, identity, value FROM ${screeningTable(transaction, 'list_entry')}`);
      return { entries, lastChange: last };
    });
  }

  async changesSince(lastChange: string, limit = 10_000): Promise<ListChange[]> {
    return this.dataSource.query(
      `SELECT id::text, scope, list, identity, value, change FROM ${screeningTable(this.dataSource, 'list_change')}
       WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastChange, limit],
    );
  }

  private async logChange(transaction: EntityManager, entry: Omit<ListEntry, 'reason'>, change: 'add' | 'remove', at: Date): Promise<void> {
    await transaction.query(
      `INSERT INTO ${screeningTable(transaction, 'list_change')} (scope, list, identity, value, change, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.scope, entry.list, entry.identity, entry.value, change, at],
    );
  }
}

/** List values are compared trimmed and in lowercase (e-mail addresses, device ids). */
export function normalizeListValue(value: string): string {
  return value.trim().toLowerCase();
}
