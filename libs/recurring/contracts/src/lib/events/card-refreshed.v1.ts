import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

/** The card refresh answers the merchant is told about ("no change" is not announced). */
export const CARD_REFRESH_ANNOUNCED_RESULTS = ['new_expiry', 'replaced', 'closed', 'contact_cardholder'] as const;

export class CardRefreshedV1Payload {
  /** The stored card reference the shop's definitions or mandates billed; never a card number. */
  @IsString()
  @Length(1, 64)
  cardRef: string;

  /** The card refresh cycle, `YYYY-MM`. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  cycle: string;

  /** new_expiry, replaced (definitions now bill newCardRef), closed (its definitions are stopped), contact_cardholder. */
  @IsIn(CARD_REFRESH_ANNOUNCED_RESULTS)
  result: string;

  /** The replacement card's reference, for `replaced`. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  newCardRef?: string;

  /** The new expiry month (1-12), for `new_expiry` and `replaced`. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  newExpMonth?: number;

  /** The new expiry year, for `new_expiry` and `replaced`. */
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2199)
  newExpYear?: number;

  /** The shop's definitions the answer touched (moved to the new card, or stopped). */
  @IsInt()
  @Min(0)
  definitionsAffected: number;
}

export const CardRefreshedV1 = defineEvent({
  type: 'recurring.card.refreshed',
  version: 1,
  payload: CardRefreshedV1Payload,
  description: 'The monthly card refresh (洗替) reported a change for a stored card of the shop: new expiry, replaced card, closed account, or contact the cardholder.',
});
