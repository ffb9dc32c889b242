import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { minorUnitsTransformer } from '@kessai/shared-database';

@Entity({ name: 'bill' })
@Unique('bill_merchant_bill_number', ['merchantId', 'merchantBillNumber'])
export class BillEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'merchant_bill_number', type: 'text' })
  merchantBillNumber: string;

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

  @Column({ name: 'customer_name', type: 'text', nullable: true })
  customerName: string | null;

  @Column({ name: 'customer_phone', type: 'text', nullable: true })
  customerPhone: string | null;

  @Column({ name: 'tax_amount', type: 'bigint', nullable: true, transformer: minorUnitsTransformer })
  taxAmount: number | null;

  @Column({ name: 'line_items', type: 'jsonb' })
  lineItems: { description: string; quantity: number; unitAmount: number }[];

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'send_at', type: 'timestamptz', nullable: true })
  sendAt: Date | null;

  @Column({ name: 'payment_link_token', type: 'text', nullable: true })
  paymentLinkToken: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'payment_id', type: 'text', nullable: true })
  paymentId: string | null;

  @Column({ name: 'payment_method', type: 'text', nullable: true })
  paymentMethod: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ name: 'failed_payment_attempts', type: 'integer' })
  failedPaymentAttempts: number;

  @Column({ name: 'auto_charge_mandate_id', type: 'text', nullable: true })
  autoChargeMandateId: string | null;

  @Column({ name: 'auto_charge_status', type: 'text', nullable: true })
  autoChargeStatus: string | null;

  @Column({ name: 'auto_charge_decline_code', type: 'text', nullable: true })
  autoChargeDeclineCode: string | null;
}
