import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class MandateCreatedV1Payload {
  /** The payment screen's consent id the mandate was created from (unique). */
  @IsString()
  @Length(1, 128)
  mandateRequestId: string;

  /** The processor's card reference later cycles charge; never a card number. */
  @IsString()
  @Length(1, 64)
  cardRef: string;

  /** The bill the customer consented on. */
  @IsString()
  @Length(1, 64)
  billId: string;

  @IsISO8601({ strict: true })
  consentedAt: string;

  /** The merchant's customer (mobile number, E.164) whose later bills are charged to this mandate. */
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/)
  customerPhone?: string;
}

export const MandateCreatedV1 = defineEvent({
  type: 'recurring.mandate.created',
  version: 1,
  payload: MandateCreatedV1Payload,
  description: 'The recurring engine stored a mandate: later bills of this customer can be charged to the card automatically.',
});
