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
}
