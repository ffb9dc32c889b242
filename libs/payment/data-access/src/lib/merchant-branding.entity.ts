import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a merchant's payment pages look: logo, colours, a message, and optionally its own page template. */
@Entity({ name: 'merchant_branding' })
export class MerchantBrandingEntity {
  @PrimaryColumn({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @Column({ name: 'logo_url', type: 'text', nullable: true })
  logoUrl: string | null;

  @Column({ name: 'primary_color', type: 'text', nullable: true })
  primaryColor: string | null;

  @Column({ name: 'accent_color', type: 'text', nullable: true })
  accentColor: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** An Eta template replacing the bill page; set by an operator only (templates are code). */
  @Column({ name: 'page_template', type: 'text', nullable: true })
  pageTemplate: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
