import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each payment outcome for a bill, once per payment and outcome (a failed card attempt leaves the bill open). */
@Entity({ name: 'payment_attempt' })
export class PaymentAttemptEntity {
  @PrimaryColumn({ name: 'payment_id', type: 'text' })
  paymentId: string;

  @PrimaryColumn({ type: 'text' })
  outcome: 'failed' | 'paid';

  @Column({ name: 'bill_id', type: 'uuid' })
  billId: string;

  @Column({ name: 'payment_method', type: 'text' })
  paymentMethod: string;

  @Column({ name: 'reason_code', type: 'text', nullable: true })
  reasonCode: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
