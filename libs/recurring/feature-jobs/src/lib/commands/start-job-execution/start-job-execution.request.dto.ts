import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class StartJobExecutionRequestDto {
  /** The billing cycle, `YYYY-MM`. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'cycle must be a month as YYYY-MM' })
  cycle: string;

  /** Only these shops (a rerun for the shop that missed the deadline); all shops when absent. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  includeShops?: string[];

  /** Every shop but these. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  excludeShops?: string[];

  /** Count what would be done and write nothing. */
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
