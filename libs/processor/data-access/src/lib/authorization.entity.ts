import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '@kessai/shared-database';

@Entity({ name: 'card_authorization' })
export class AuthorizationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'card_id', type: 'uuid' })
  cardId: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  status: 'approved' | 'declined' | 'challenge_required' | 'canceled';

  @Column({ name: 'reason_code', type: 'text' })
  reasonCode: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A settled sale (captured by a capture file); refunds reduce what is left of it. */
@Entity({ name: 'sale' })
export class SaleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'authorization_id', type: 'uuid', nullable: true })
  authorizationId: string | null;

  @Column({ name: 'card_id', type: 'uuid' })
  cardId: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ name: 'refunded_amount', type: 'bigint', transformer: minorUnitsTransformer })
  refundedAmount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'sale_date', type: 'date' })
  saleDate: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'refund' })
export class RefundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'sale_id', type: 'uuid' })
  saleId: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
