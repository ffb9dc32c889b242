import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

/** What a charge of a member says, in a definition or a single charge: member, card, amount, currency. */
export class MemberChargeRequestDto {
  /** The merchant's member id (registered with PUT /recurring/members/{memberId}). */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'memberId must be 1 to 64 of A-Z a-z 0-9 . _ -' })
  memberId: string;

  /** The processor card reference to charge; when absent, the member's registered card. Never a card number. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(/^(?!\d{12,19}$)[\x21-\x7e]+$/, { message: 'cardRef must be a processor card reference, never a card number' })
  cardRef?: string;

  /** Integer minor units of `currency` (JPY has none: 1000 = ¥1,000). */
  @IsInt()
  @Min(1)
  amount: number;

  /** ISO 4217. */
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as JPY' })
  currency: string;
}
