import { IsOptional, IsString, Length, Matches } from 'class-validator';

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Branding a merchant sets for its payment pages. Colours go into CSS, so only `#rrggbb` is accepted. */
export class SetMerchantBrandingRequestDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  /** An https image URL (the page's CSP allows https images). */
  @IsOptional()
  @Matches(/^https:\/\/[^\s"'<>]{1,500}$/, { message: 'logoUrl must be an https:// URL' })
  logoUrl?: string;

  @IsOptional()
  @Matches(COLOR, { message: 'primaryColor must be #rrggbb' })
  primaryColor?: string;

  @IsOptional()
  @Matches(COLOR, { message: 'accentColor must be #rrggbb' })
  accentColor?: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  message?: string;
}

export class SetPageTemplateRequestDto {
  /** An Eta template for the bill page, or null to go back to the standard page. */
  @IsOptional()
  @IsString()
  @Length(1, 100_000)
  template?: string | null;
}
