import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export class BillLineItemV1 {
  @IsString()
  @Length(1, 200)
  description: string;

  @IsInt()
  @Min(1)
  quantity: number;

  /** Minor units of the bill's currency. */
  @IsInt()
  unitAmount: number;
}

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

  /** The customer's name as the merchant gave it, shown on the payment page. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  customerName?: string;

  /** The customer's mobile number in E.164 (+8190…), where the SMS goes. */
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/)
  customerPhone?: string;

  /** Tax included in `amount`, minor units. */
  @IsOptional()
  @IsInt()
  @Min(0)
  taxAmount?: number;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => BillLineItemV1)
  lineItems?: BillLineItemV1[];

  /** The merchant's short message, shown on the payment page. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  message?: string;

  /** The unguessable token of the payment link (/p/<token>); at least 128 random bits, base64url. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{22,64}$/)
  paymentLinkToken?: string;

  /** When the payment link stops working (the bill expires), ISO 8601. */
  @IsOptional()
  @IsISO8601({ strict: true })
  paymentLinkExpiresAt?: string;
}

export const BillCreatedV1 = defineEvent({
  type: 'billing.bill.created',
  version: 1,
  payload: BillCreatedV1Payload,
  description: 'A merchant created a bill (by API or CSV); the customer can now be sent a payment link.',
});
