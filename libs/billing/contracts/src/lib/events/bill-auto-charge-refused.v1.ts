import { IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillAutoChargeRefusedV1Payload {
  /** The bill the automatic charge was for. */
  @IsUUID(7)
  billId: string;

  /** The charge's unique key in the recurring engine (`bill:<billId>`). */
  @IsString()
  @Length(1, 128)
  chargeKey: string;

  /** The processor's authorization to release. */
  @IsString()
  @Length(1, 64)
  authorizationId: string;

  /** Why billing cannot take the money, e.g. the bill was canceled or paid otherwise meanwhile (the bill's status). */
  @IsString()
  @Length(1, 200)
  reason: string;
}

export const BillAutoChargeRefusedV1 = defineEvent({
  type: 'billing.bill.auto-charge-refused',
  version: 1,
  payload: BillAutoChargeRefusedV1Payload,
  description:
    'A bill charged automatically could no longer be paid (canceled, expired or paid otherwise while the charge was under way): the recurring engine releases the authorization so the customer is not charged.',
});
