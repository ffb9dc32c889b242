import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuthorizeCardRequestDto {
  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;

  @IsUUID()
  cardId: string;

  /** Integer minor units of `currency`. */
  @IsInt()
  @Min(1)
  @Max(999_999_999_999)
  amount: number;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as JPY' })
  currency: string;

  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'idempotencyKey must be 1 to 128 printable characters' })
  idempotencyKey: string;
}
