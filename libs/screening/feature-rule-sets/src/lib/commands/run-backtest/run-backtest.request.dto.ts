import { IsInt, IsISO8601, Min } from 'class-validator';

export class RunBacktestRequestDto {
  /** The rule-set version to replay. */
  @IsInt()
  @Min(1)
  version: number;

  /** Decisions made from this moment (inclusive)… */
  @IsISO8601({ strict: true })
  from: string;

  /** …until this one (exclusive). */
  @IsISO8601({ strict: true })
  to: string;
}
