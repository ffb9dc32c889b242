import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class PaymentFailedV1Payload {
  @IsString()
  @Length(1, 128)
  paymentId: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  billId?: string;

  @IsIn(['card', 'konbini', 'wallet'])
  paymentMethod: string;

  /** The processor's reason code, e.g. `insufficient_funds`, `expired_card`, `challenge_failed`. */
  @IsString()
  @Length(1, 64)
  reasonCode: string;

  @IsISO8601({ strict: true })
  failedAt: string;
}

export const PaymentFailedV1 = defineEvent({
  type: 'payment.payment.failed',
  version: 1,
  payload: PaymentFailedV1Payload,
  description: 'A payment attempt was declined or failed; the customer may try again while the bill is open.',
});
