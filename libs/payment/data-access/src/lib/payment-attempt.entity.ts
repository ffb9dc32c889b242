import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '@kessai/shared-database';

export type PaymentAttemptMethod = 'card' | 'konbini' | 'wallet';
/** pending → authorized | failed | challenge-required (card); awaiting-store-payment → captured (konbini); redirected → authorized | failed (wallet). */
export type PaymentAttemptStatus = 'pending' | 'challenge-required' | 'redirected' | 'awaiting-store-payment' | 'authorized' | 'captured' | 'failed';

/** One submit of the payment form. Never holds card data: only the processor's card reference and last four digits. */
@Entity({ name: 'payment_attempt' })
export class PaymentAttemptEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'bill_id', type: 'uuid' })
  billId: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  /** Minted when the form was rendered: a double submit of the same form carries the same key. */
  @Column({ name: 'attempt_key', type: 'text' })
  attemptKey: string;

  @Column({ type: 'text' })
  method: PaymentAttemptMethod;

  @Column({ type: 'text' })
  status: PaymentAttemptStatus;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'card_ref', type: 'text', nullable: true })
  cardRef: string | null;

  @Column({ name: 'card_brand', type: 'text', nullable: true })
  cardBrand: string | null;

  @Column({ name: 'card_last4', type: 'char', length: 4, nullable: true })
  cardLast4: string | null;

  @Column({ name: 'save_card', type: 'boolean', default: false })
  saveCard: boolean;

  /** The processor's id: authorization, konbini payment or wallet payment. */
  @Column({ name: 'processor_ref', type: 'text', nullable: true })
  processorRef: string | null;

  @Column({ name: 'reason_code', type: 'text', nullable: true })
  reasonCode: string | null;

  /** Where the customer goes next: the 3-D Secure challenge or the wallet's approve page. */
  @Column({ name: 'redirect_url', type: 'text', nullable: true })
  redirectUrl: string | null;

  @Column({ name: 'konbini_slip', type: 'jsonb', nullable: true })
  konbiniSlip: { chain: string; receiptNumber: string; confirmationNumber: string; deadline: string } | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
