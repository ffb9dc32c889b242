import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { BILL_STATUSES, BillStatus } from '@kessai/billing-domain';
import { PageRequestDto } from '../../http/page.request.dto';

export class ListBillsRequestDto extends PageRequestDto {
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

}
