import { ArrayNotEmpty, IsArray, IsIn, IsInt, IsString, Length, Matches, Min } from 'class-validator';
import { PAYMENT_METHODS, PaymentMethod } from '@kessai/billing-domain';

export class CreateBillRequestDto {
  /** The merchant's own bill number; a second bill with the same number is refused. */
  @IsString()
  @Length(1, 64)
  @Matches(/^[\x21-\x7e]+$/, { message: 'merchantBillNumber may hold only printable ASCII without spaces' })
  merchantBillNumber: string;

  /** Minor units of `currency` (JPY: yen). */
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
}
