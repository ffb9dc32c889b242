import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MerchantLimits } from '@kessai/throttle-domain';

@Entity({ name: 'merchant_limits' })
export class MerchantLimitsEntity {
  @PrimaryColumn({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ type: 'jsonb' })
  limits: MerchantLimits;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
