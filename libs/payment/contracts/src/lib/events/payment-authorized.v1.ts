import { IsEmail, IsIn, IsInt, IsIP, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class PaymentAuthorizedV1Payload {
  /** Kessai's id of the payment. */
  @IsString()
  @Length(1, 128)
  paymentId: string;

  /** Minor units of `currency`. */
  @IsInt()
  @Min(0)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsIn(['card', 'konbini', 'wallet'])
  paymentMethod: string;

  /** A card reference from the processor; never a card number. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  cardRef?: string;

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

  @IsISO8601({ strict: true })
  authorizedAt: string;

  /** The bill the payment is for, when it pays a bill (digital billing). */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  billId?: string;
}

export const PaymentAuthorizedV1 = defineEvent({
  type: 'payment.payment.authorized',
  version: 1,
  payload: PaymentAuthorizedV1Payload,
  description: 'A customer payment was authorized (card, wallet) or paid (konbini); screening counts it in velocity.',
});
