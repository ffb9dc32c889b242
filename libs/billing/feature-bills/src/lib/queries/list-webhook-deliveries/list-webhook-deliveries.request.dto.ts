import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageRequestDto } from '../../http/page.request.dto';

export class ListWebhookDeliveriesRequestDto extends PageRequestDto {
  @IsOptional()
  @IsUUID()
  billId?: string;

  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}
