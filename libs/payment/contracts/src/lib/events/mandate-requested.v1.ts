import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class MandateRequestedV1Payload {
  /** Kessai's id of the consent, unique: the recurring engine stores one mandate per request. */
  @IsString()
  @Length(1, 128)
  mandateRequestId: string;

  /** The merchant's customer, identified by mobile number (E.164): later bills to it are charged automatically. */
  @Matches(/^\+[1-9]\d{6,14}$/)
  customerPhone: string;

  /** The processor's card reference the customer paid with; never a card number. */
  @IsString()
  @Length(1, 64)
  cardRef: string;

  /** The bill whose payment page the customer consented on. */
  @IsString()
  @Length(1, 64)
  billId: string;

  /** The amount paid then, for reference (minor units). */
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsISO8601({ strict: true })
  consentedAt: string;
}

export const MandateRequestedV1 = defineEvent({
  type: 'payment.mandate.requested',
  version: 1,
  payload: MandateRequestedV1Payload,
  description: 'A customer ticked "pay automatically from next time" and paid by card: the recurring engine stores the mandate.',
});
