import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '@kessai/shared-database';

@Entity({ name: 'processor_file' })
export class ProcessorFileEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: 'sales_confirmation' | 'card_refresh';

  @Column({ type: 'integer' })
  lines: number;

  @Column({ type: 'integer' })
  accepted: number;

  @Column({ type: 'integer' })
  rejected: number;

  /** The answer file (CSV). */
  @Column({ type: 'text' })
  result: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The uploader's idempotency key: the same key answers this file's summary again. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** The upload's answer, replayed for a repeated idempotency key. */
  @Column({ type: 'jsonb', nullable: true })
  summary: object | null;
}

@Entity({ name: 'konbini_payment' })
export class KonbiniPaymentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  chain: string;

  @Column({ name: 'receipt_number', type: 'text' })
  receiptNumber: string;

  @Column({ name: 'confirmation_number', type: 'text' })
  confirmationNumber: string;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'text' })
  status: 'awaiting_payment' | 'paid' | 'expired';

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'wallet_payment' })
export class WalletPaymentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'return_url', type: 'text' })
  returnUrl: string;

  @Column({ type: 'text' })
  status: 'pending' | 'approved' | 'canceled';

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A webhook waiting to be acknowledged by the platform: the sender loop retries it until then. */
@Entity({ name: 'pending_webhook' })
export class PendingWebhookEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  /** The exact JSON body that is signed and sent. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
