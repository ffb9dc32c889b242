import { IsBoolean, IsIn, IsInt, Min } from 'class-validator';
import { CYCLE_DEADLINE_DAYS } from '@kessai/recurring-domain';

export class SaveShopSettingsRequestDto {
  /** Files for a cycle must be in before the end of this day of the month, Japan time: 5 or 10. */
  @IsIn(CYCLE_DEADLINE_DAYS)
  cycleDeadlineDay: number;

  /** Charges skip authorization (the monthly card refresh vouches for the cards). */
  @IsBoolean()
  floorLimitEligible: boolean;

  /** Most records one immediate file may hold. */
  @IsInt()
  @Min(0)
  immediateQuota: number;
}
