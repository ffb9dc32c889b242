import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '@kessai/shared-database';

/** What the payment screen shows for one bill: the payment context's own copy, fed by billing's events. */
@Entity({ name: 'payment_page' })
export class PaymentPageEntity {
  @PrimaryColumn({ name: 'bill_id', type: 'uuid' })
  billId: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'allowed_payment_methods', type: 'text', array: true })
  allowedPaymentMethods: string[];

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'merchant_bill_number', type: 'text', nullable: true })
  merchantBillNumber: string | null;

  /** The unguessable token of the payment link (/p/<token>). */
  @Column({ name: 'link_token', type: 'text', nullable: true })
  linkToken: string | null;

  @Column({ name: 'link_expires_at', type: 'timestamptz', nullable: true })
  linkExpiresAt: Date | null;

  @Column({ name: 'customer_name', type: 'text', nullable: true })
  customerName: string | null;

  /** E.164; becomes the mandate's customer when the customer opts in to automatic payment. */
  @Column({ name: 'customer_phone', type: 'text', nullable: true })
  customerPhone: string | null;

  @Column({ name: 'tax_amount', type: 'bigint', nullable: true, transformer: minorUnitsTransformer })
  taxAmount: number | null;

  @Column({ name: 'line_items', type: 'jsonb', nullable: true })
  lineItems: { description: string; quantity: number; unitAmount: number }[] | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** First opening of the link (payment.payment-page.opened.v1 is published then, once). */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
