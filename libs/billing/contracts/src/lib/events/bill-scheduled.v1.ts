import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillScheduledV1Payload {
  /** Kessai's id of the bill. */
  @IsUUID(7)
  billId: string;

  /** Which SMS was queued. */
  @IsIn(['payment-link', 'reminder'])
  kind: string;

  /** The SMS goes out no earlier than this (the merchant's send time, inside its sending window). */
  @IsISO8601({ strict: true })
  sendAfter: string;
}

export const BillScheduledV1 = defineEvent({
  type: 'billing.bill.scheduled',
  version: 1,
  payload: BillScheduledV1Payload,
  description: 'The bill\'s SMS (its payment link or a reminder) is queued for sending.',
});
