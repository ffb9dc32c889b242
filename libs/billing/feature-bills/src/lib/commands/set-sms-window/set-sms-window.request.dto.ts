import { IsInt, Max, Min } from 'class-validator';

export class SetSmsWindowRequestDto {
  /** Hour (Japan time, 0–23) the merchant's SMS may start going out. */
  @IsInt()
  @Min(0)
  @Max(23)
  startHour: number;

  /** Hour (1–24) they stop; later ones wait for the next day's start. */
  @IsInt()
  @Min(1)
  @Max(24)
  endHour: number;
}
