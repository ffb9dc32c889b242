import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export type IdempotencyClaim = { claimed: true } | { claimed: false; requestHash: string; status: number; body: unknown };

@Injectable()
export class IdempotencyKeyRepository {
  /**
   * Claims a key inside the caller's transaction. A concurrent request with the same key waits on the primary
   * key until the first commits (then sees its response) or rolls back (then claims it itself).
   */
  async claim(transaction: EntityManager, merchantId: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> {
    const table = transaction.getRepository(IdempotencyKeyEntity).metadata.tablePath;
    const inserted: unknown[] = await transaction.query(
      `INSERT INTO ${table} (merchant_id, key, request_hash, response_status, response_body, created_at)
       VALUES ($1, $2, $3, 0, '{}', $4) ON CONFLICT DO NOTHING RETURNING key`,
      [merchantId, key, requestHash, now],
    );
    if (inserted.length > 0) return { claimed: true };
    const existing = await transaction.findOneByOrFail(IdempotencyKeyEntity, { merchantId, key });
    return { claimed: false, requestHash: existing.requestHash, status: existing.responseStatus, body: existing.responseBody };
  }

  async complete(transaction: EntityManager, merchantId: string, key: string, status: number, body: unknown): Promise<void> {
    await transaction.update(IdempotencyKeyEntity, { merchantId, key }, { responseStatus: status, responseBody: body as object });
  }
}
