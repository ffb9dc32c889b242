import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthorizationEntity } from './authorization.entity';

/**
 * Authorizations are written in batches (the bulk API sends tens of thousands a second): one INSERT of many
 * rows through unnest, where the unique (merchant, idempotency key) decides which rows are new.
 */
@Injectable()
export class AuthorizationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the rows whose idempotency key is new; returns the keys (`merchant\u0000key`) inserted. */
  async insertNew(rows: AuthorizationEntity[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const table = this.dataSource.getMetadata(AuthorizationEntity).tablePath;
    const inserted: { merchant_id: string; idempotency_key: string }[] = await this.dataSource.query(
      `INSERT INTO ${table} (id, merchant_id, idempotency_key, request_hash, card_id, amount, currency, status, reason_code, reason, created_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::bigint[], $7::char(3)[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
       ON CONFLICT ON CONSTRAINT card_authorization_idempotency DO NOTHING
       RETURNING merchant_id, idempotency_key`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.merchantId),
        rows.map((r) => r.idempotencyKey),
        rows.map((r) => r.requestHash),
        rows.map((r) => r.cardId),
        rows.map((r) => r.amount),
        rows.map((r) => r.currency),
        rows.map((r) => r.status),
        rows.map((r) => r.reasonCode),
        rows.map((r) => r.reason),
        rows.map((r) => r.createdAt),
      ],
    );
    return new Set(inserted.map((row) => idempotencyKeyOf(row.merchant_id, row.idempotency_key)));
  }

  /** The stored authorizations for these (merchant, idempotency key) pairs. */
  async findByIdempotencyKeys(pairs: { merchantId: string; idempotencyKey: string }[]): Promise<Map<string, AuthorizationEntity>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(AuthorizationEntity)
      .createQueryBuilder('a')
      .where('(a.merchant_id, a.idempotency_key) IN (SELECT * FROM unnest(:merchants::text[], :keys::text[]))', {
        merchants: pairs.map((p) => p.merchantId),
        keys: pairs.map((p) => p.idempotencyKey),
      })
      .getMany();
    return new Map(rows.map((row) => [idempotencyKeyOf(row.merchantId, row.idempotencyKey), row]));
  }

  find(id: string): Promise<AuthorizationEntity | null> {
    return this.dataSource.getRepository(AuthorizationEntity).findOneBy({ id });
  }
}

export function idempotencyKeyOf(merchantId: string, idempotencyKey: string): string {
  return `${merchantId}\u0000${idempotencyKey}`;
}
