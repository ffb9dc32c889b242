import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class PaymentPageOpenedV1Payload {
  @IsUUID(7)
  billId: string;

  @IsISO8601({ strict: true })
  openedAt: string;
}

export const PaymentPageOpenedV1 = defineEvent({
  type: 'payment.payment-page.opened',
  version: 1,
  payload: PaymentPageOpenedV1Payload,
  description: 'A customer opened the payment page of a bill from its payment link.',
});
