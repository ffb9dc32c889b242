import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class PaymentCapturedV1Payload {
  @IsString()
  @Length(1, 128)
  paymentId: string;

  /** The bill the payment paid, when it paid one. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  billId?: string;

  @IsIn(['card', 'konbini', 'wallet'])
  paymentMethod: string;

  /** Minor units. */
  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  /** When the money was secured: card sale confirmed, konbini paid at the store, wallet approved. */
  @IsISO8601({ strict: true })
  capturedAt: string;
}

export const PaymentCapturedV1 = defineEvent({
  type: 'payment.payment.captured',
  version: 1,
  payload: PaymentCapturedV1Payload,
  description: 'A payment is settled for the merchant (card sale confirmed, konbini paid, wallet approved); the bill is paid.',
});
