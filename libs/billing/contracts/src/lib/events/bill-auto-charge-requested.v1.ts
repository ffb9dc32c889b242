import { IsInt, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillAutoChargeRequestedV1Payload {
  /** Kessai's id of the bill; also the idempotency of the charge: one bill is charged at most once. */
  @IsUUID(7)
  billId: string;

  /** The merchant's own bill number, for the charge's records. */
  @IsString()
  @Length(1, 64)
  merchantBillNumber: string;

  /** The recurring engine's mandate (its mandate request id) the customer gave. */
  @IsString()
  @Length(1, 128)
  mandateId: string;

  /** Minor units. */
  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;
}

export const BillAutoChargeRequestedV1 = defineEvent({
  type: 'billing.bill.auto-charge-requested',
  version: 1,
  payload: BillAutoChargeRequestedV1Payload,
  description:
    'A new bill is for a customer with a mandate: the recurring engine charges it to the mandate\'s card (no payment link is sent) and answers with recurring.bill-charge.authorized or .declined.',
});
