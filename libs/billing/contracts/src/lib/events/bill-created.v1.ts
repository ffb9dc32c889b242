import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillCreatedV1Payload {
  /** Kessai's id of the bill (UUIDv7). */
  @IsUUID(7)
  billId: string;

  /** The merchant's own number for the bill, unique per merchant. */
  @IsString()
  @Length(1, 64)
  merchantBillNumber: string;

  /** Amount due in minor units of `currency` (JPY has none: 1500 is ¥1,500). */
  @IsInt()
  @Min(1)
  amount: number;

  /** ISO 4217 code. */
  @Matches(/^[A-Z]{3}$/)
  currency: string;

  /** Last day to pay, `YYYY-MM-DD` in Japan time. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate: string;

  /** Payment methods the customer may choose from. */
  @IsIn(['card', 'konbini', 'wallet'], { each: true })
  @IsNotEmpty()
  allowedPaymentMethods: string[];
}

export const BillCreatedV1 = defineEvent({
  type: 'billing.bill.created',
  version: 1,
  payload: BillCreatedV1Payload,
  description: 'A merchant created a bill (by API or CSV); the customer can now be sent a payment link.',
});
