import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillExpiredV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  @IsISO8601({ strict: true })
  expiredAt: string;
}

export const BillExpiredV1 = defineEvent({
  type: 'billing.bill.expired',
  version: 1,
  payload: BillExpiredV1Payload,
  description: 'The bill passed its due date unpaid; its payment link no longer works.',
});
