import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MemberChargeRequestDto } from '../../http/member-charge.request.dto';

export class CreateDefinitionRequestDto extends MemberChargeRequestDto {
  /** 1 to 31; a day past a short month's end is charged on its last day. */
  @IsInt()
  @Min(1)
  @Max(31)
  dayOfCycle: number;

  /** First cycle charged, `YYYY-MM`. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'startCycle must be YYYY-MM' })
  startCycle: string;

  /** Last cycle charged, inclusive; absent: until stopped. */
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'endCycle must be YYYY-MM' })
  endCycle?: string;
}
