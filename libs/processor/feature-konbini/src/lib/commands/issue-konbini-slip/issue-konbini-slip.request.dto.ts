import { IsIn, IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { KONBINI_CHAINS, KonbiniChain } from '@kessai/processor-domain';

export class IssueKonbiniSlipRequestDto {
  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;

  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^JPY$/, { message: 'currency must be JPY: convenience stores take yen' })
  currency: string;

  @IsIn(KONBINI_CHAINS)
  chain: KonbiniChain;

  /** Until when the customer can pay at the store. */
  @IsISO8601({ strict: true })
  deadline: string;

  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'idempotencyKey must be 1 to 128 printable characters' })
  idempotencyKey: string;
}
