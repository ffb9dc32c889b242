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
}
