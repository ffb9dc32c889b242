import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillSentV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  @IsIn(['payment-link', 'reminder', 'receipt'])
  kind: string;

  @IsISO8601({ strict: true })
  sentAt: string;
}

export const BillSentV1 = defineEvent({
  type: 'billing.bill.sent',
  version: 1,
  payload: BillSentV1Payload,
  description: 'The payment link (or a reminder, or a receipt) was sent to the customer by SMS.',
});
