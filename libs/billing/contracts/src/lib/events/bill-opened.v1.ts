import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillOpenedV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  @IsISO8601({ strict: true })
  openedAt: string;
}

export const BillOpenedV1 = defineEvent({
  type: 'billing.bill.opened',
  version: 1,
  payload: BillOpenedV1Payload,
  description: 'The customer opened the payment link for the first time.',
});
