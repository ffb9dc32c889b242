import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { PAYMENT_METHODS, PaymentMethod } from '@kessai/billing-domain';

export class BillLineItemDto {
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

export class CreateBillRequestDto {
  /** The merchant's own bill number; a second bill with the same number is refused. */
  @IsString()
  @Length(1, 64)
  @Matches(/^[\x21-\x7e]+$/, { message: 'merchantBillNumber may hold only printable ASCII without spaces' })
  merchantBillNumber: string;

  /** Minor units of `currency` (JPY: yen), tax included. */
  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as JPY' })
  currency: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(PAYMENT_METHODS, { each: true })
  allowedPaymentMethods: PaymentMethod[];

  @IsOptional()
  @IsString()
  @Length(1, 100)
  customerName?: string;

  /** A Japanese mobile number (070, 080, 090) in any usual form; stored and returned in E.164. */
  @IsOptional()
  @IsString()
  @Length(1, 32)
  customerPhone?: string;

  /** Tax included in `amount`, minor units. */
  @IsOptional()
  @IsInt()
  @Min(0)
  taxAmount?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BillLineItemDto)
  lineItems?: BillLineItemDto[];

  /** Shown on the payment page. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  message?: string;

  /** Send the SMS no earlier than this (ISO 8601 with offset); still only inside the sending window. */
  @IsOptional()
  @IsISO8601({ strict: true })
  sendAt?: string;
}
