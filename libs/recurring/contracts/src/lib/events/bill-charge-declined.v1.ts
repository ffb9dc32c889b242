import { IsISO8601, IsString, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';
import { BillChargeV1Fields } from './bill-charge-fields.v1';

export class BillChargeDeclinedV1Payload extends BillChargeV1Fields {
  /** The processor's response code (51 insufficient funds, 05 do not honor, ...), or `MANDATE_NOT_FOUND`. */
  @IsString()
  @Length(1, 64)
  declineCode: string;

  @IsISO8601({ strict: true })
  declinedAt: string;
}

export const BillChargeDeclinedV1 = defineEvent({
  type: 'recurring.bill-charge.declined',
  version: 1,
  payload: BillChargeDeclinedV1Payload,
  description: 'A bill could not be charged to its customer\'s mandate: billing sends the payment link instead.',
});
