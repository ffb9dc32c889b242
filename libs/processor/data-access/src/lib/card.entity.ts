import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time token minted by the browser script; holds no card number. */
@Entity({ name: 'card_token' })
export class CardTokenEntity {
  @PrimaryColumn({ type: 'text' })
  token: string;

  @Column({ type: 'text' })
  brand: string;

  @Column({ type: 'char', length: 4 })
  last4: string;

  @Column({ name: 'exp_month', type: 'smallint' })
  expMonth: number;

  @Column({ name: 'exp_year', type: 'smallint' })
  expYear: number;

  @Column({ type: 'text' })
  profile: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

/** A stored card reference. `profile` is the test-card behaviour resolved from the number at tokenization. */
@Entity({ name: 'card' })
export class CardEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ type: 'text' })
  brand: string;

  @Column({ type: 'char', length: 4 })
  last4: string;

  @Column({ name: 'exp_month', type: 'smallint' })
  expMonth: number;

  @Column({ name: 'exp_year', type: 'smallint' })
  expYear: number;

  @Column({ type: 'text' })
  profile: string;

  @Column({ type: 'text' })
  status: 'active' | 'closed';

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
