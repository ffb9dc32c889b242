import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { BILL_STATUSES, BillStatus } from '@kessai/billing-domain';

export class ListBillsRequestDto {
  @IsOptional()
  @IsIn(BILL_STATUSES)
  status?: BillStatus;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDateFrom must be a date as YYYY-MM-DD' })
  dueDateFrom?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDateTo must be a date as YYYY-MM-DD' })
  dueDateTo?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  merchantBillNumber?: string;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
