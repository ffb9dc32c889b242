import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillCanceledV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @IsISO8601({ strict: true })
  canceledAt: string;
}

export const BillCanceledV1 = defineEvent({
  type: 'billing.bill.canceled',
  version: 1,
  payload: BillCanceledV1Payload,
  description: 'The merchant canceled the bill; its payment link no longer works.',
});
