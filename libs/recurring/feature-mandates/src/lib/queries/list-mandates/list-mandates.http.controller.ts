import { Controller, Get, Query } from '@nestjs/common';
import { MandateRepository } from '@kessai/recurring-data-access';
import { MerchantId } from '@kessai/shared-service-runtime';
import { MandateResponse, toMandateResponse } from '../../http/mandate.response';
import { ListMandatesRequestDto } from './list-mandates.request.dto';

@Controller('recurring/mandates')
export class ListMandatesHttpController {
  constructor(private readonly mandates: MandateRepository) {}

  /** The shop's mandates, newest consent first (revoked ones too, with when and why). */
  @Get()
  async list(@MerchantId() shopId: string, @Query() query: ListMandatesRequestDto): Promise<{ mandates: MandateResponse[] }> {
    const mandates = await this.mandates.findOfShop(shopId, { customerPhone: query.customerPhone, limit: query.limit });
    return { mandates: mandates.map(toMandateResponse) };
  }
}
