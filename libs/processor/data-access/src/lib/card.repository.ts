import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CardEntity } from './card.entity';

export type CardSnapshot = Pick<CardEntity, 'id' | 'merchantId' | 'profile' | 'status' | 'expMonth' | 'expYear'>;

const CACHE_LIMIT = 200_000;

/**
 * Stored card references. Authorizations read cards at bulk rates, so card snapshots are cached in memory;
 * every change of a card goes through this repository, which keeps the cache true.
 */
@Injectable()
export class CardRepository {
  private readonly cache = new Map<string, CardSnapshot>();

  constructor(private readonly dataSource: DataSource) {}

  async insert(transaction: EntityManager, card: CardEntity): Promise<void> {
    await transaction.insert(CardEntity, card);
  }

  async find(cardId: string): Promise<CardEntity | null> {
    return this.dataSource.getRepository(CardEntity).findOneBy({ id: cardId });
  }

  /** Snapshots of the given cards, from memory when possible. Unknown ids are absent from the map. */
  async snapshots(cardIds: string[]): Promise<Map<string, CardSnapshot>> {
    const found = new Map<string, CardSnapshot>();
    const missing: string[] = [];
    for (const id of cardIds) {
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
      else if (!found.has(id)) missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await this.dataSource.getRepository(CardEntity).findBy({ id: In([...new Set(missing)]) });
      for (const row of rows) {
        const snapshot = snapshotOf(row);
        this.remember(snapshot);
        found.set(row.id, snapshot);
      }
    }
    return found;
  }

  async update(transaction: EntityManager, cardId: string, changes: Partial<Pick<CardEntity, 'status' | 'expMonth' | 'expYear' | 'replacedBy'>>): Promise<void> {
    await transaction.update(CardEntity, { id: cardId }, changes);
    this.cache.delete(cardId);
  }

  private remember(snapshot: CardSnapshot): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(snapshot.id, snapshot);
  }
}

function snapshotOf(row: CardEntity): CardSnapshot {
  return { id: row.id, merchantId: row.merchantId, profile: row.profile, status: row.status, expMonth: row.expMonth, expYear: row.expYear };
}
