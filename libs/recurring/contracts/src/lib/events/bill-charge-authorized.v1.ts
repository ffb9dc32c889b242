import { IsInt, IsISO8601, IsString, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { BillChargeV1Fields } from './bill-charge-fields.v1';

export class BillChargeAuthorizedV1Payload extends BillChargeV1Fields {
  /** The processor's authorization. */
  @IsString()
  @Length(1, 64)
  authorizationId: string;

  /** Minor units of `currency`. */
  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsISO8601({ strict: true })
  authorizedAt: string;
}

export const BillChargeAuthorizedV1 = defineEvent({
  type: 'recurring.bill-charge.authorized',
  version: 1,
  payload: BillChargeAuthorizedV1Payload,
  description: 'A bill was charged automatically to its customer\'s mandate: the processor authorized the card (captured with the next sales-confirmation file).',
});
