import { Column, Entity, PrimaryColumn } from 'typeorm';

/** queued → sent (→ delivered / undelivered by the provider's report), failed, or skipped (the bill closed first). */
export type SmsMessageStatus = 'queued' | 'sent' | 'failed' | 'skipped';
export type SmsMessageKind = 'payment-link' | 'reminder' | 'receipt';

/** The SMS queue: one row per message to send, worked by the dispatch job (SKIP LOCKED), so a restart loses nothing. */
@Entity({ name: 'sms_message' })
export class SmsMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'bill_id', type: 'uuid' })
  billId: string;

  @Column({ type: 'text' })
  kind: SmsMessageKind;

  @Column({ name: 'to_phone', type: 'text' })
  toPhone: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: SmsMessageStatus;

  @Column({ type: 'integer' })
  attempts: number;

  /** Not before the merchant's sending window opens, nor before the bill's send time, nor before the next retry. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  /** The provider's last delivery report (Twilio: queued, sent, delivered, undelivered, failed). */
  @Column({ name: 'delivery_status', type: 'text', nullable: true })
  deliveryStatus: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
