import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListMandatesRequestDto {
  /** Only the mandates of this customer (mobile number, E.164). */
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'customerPhone must be an E.164 mobile number such as +819012345678' })
  customerPhone?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
