import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillFailedV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  /** Why: the SMS with its link could not be delivered (the provider's reason). */
  @IsString()
  @Length(1, 500)
  reason: string;

  @IsISO8601({ strict: true })
  failedAt: string;
}

export const BillFailedV1 = defineEvent({
  type: 'billing.bill.failed',
  version: 1,
  payload: BillFailedV1Payload,
  description: 'The bill could not reach its customer: its SMS failed for good (e.g. the number does not exist).',
});
