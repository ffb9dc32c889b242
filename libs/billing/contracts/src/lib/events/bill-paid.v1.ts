import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillPaidV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  /** Kessai's id of the payment that paid it. */
  @IsString()
  @Length(1, 128)
  paymentId: string;

  @IsIn(['card', 'konbini', 'wallet'])
  paymentMethod: string;

  /** Minor units. */
  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @IsISO8601({ strict: true })
  paidAt: string;
}

export const BillPaidV1 = defineEvent({
  type: 'billing.bill.paid',
  version: 1,
  payload: BillPaidV1Payload,
  description: 'The bill was paid in full.',
});
