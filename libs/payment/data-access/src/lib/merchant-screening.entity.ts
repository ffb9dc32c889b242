import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The payment context's copy of a merchant's screening setting, fed by screening.merchant-screening.changed. */
@Entity({ name: 'merchant_screening' })
export class MerchantScreeningEntity {
  @PrimaryColumn({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'on_review', type: 'text' })
  onReview: 'decline' | 'allow';

  /** The setting's version in credit screening: an older event arriving late never overwrites a newer one. */
  @Column({ type: 'integer' })
  version: number;
}
