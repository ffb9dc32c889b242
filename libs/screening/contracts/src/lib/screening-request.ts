import { IsBoolean, IsEmail, IsIn, IsInt, IsIP, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

/** What screening is told about a payment. Identities are optional: the more it knows, the better it decides. */
export class ScreeningRequest {
  /** The merchant's or Kessai's reference for the payment; outcomes are reported against it. */
  @IsString()
  @Length(1, 128)
  paymentRef: string;

  /** Minor units of `currency`. */
  @IsInt()
  @Min(0)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsIn(['card', 'konbini', 'wallet'])
  paymentMethod: string;

  /** E.164. */
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/)
  phone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsIP()
  ip?: string;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  deviceId?: string;

  /** A card reference from the processor; never a card number. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  cardRef?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  cardBrand?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  cardCountry?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  billingCountry?: string;

  @IsOptional()
  @IsString()
  @Length(1, 16)
  billingPostalCode?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  shippingCountry?: string;

  @IsOptional()
  @IsString()
  @Length(1, 16)
  shippingPostalCode?: string;

  @IsOptional()
  @IsBoolean()
  addressesMatch?: boolean;
}
