import { IsInt, IsString, Length, Matches, Min } from 'class-validator';

/** What every charge event tells: which charge, of which cycle, on which card, for how much. */
export abstract class ChargeV1Fields {
  /** The charge's unique key, (definition or file line, cycle); also the idempotency key sent to the processor. */
  @IsString()
  @Length(1, 128)
  chargeKey: string;

  /** The billing cycle, `YYYY-MM`. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  cycle: string;

  /** The processor's card reference; never a card number. */
  @IsString()
  @Length(1, 64)
  cardRef: string;

  /** Minor units of `currency`. */
  @IsInt()
  @Min(1)
  amount: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;

}
