import { Controller, Get, Param } from '@nestjs/common';
import { ShopRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { ShopResponse, toShopResponse } from '../../http/shop.response';

@Controller('shops')
export class GetShopHttpController {
  constructor(
    private readonly shops: ShopRepository,
    private readonly clock: Clock,
  ) {}

  @Get(':shopId')
  async get(@Param('shopId') shopId: string): Promise<ShopResponse> {
    const settings = await this.shops.find(shopId);
    if (!settings) throw new RecurringException('RECURRING_SHOP_NOT_FOUND', `Shop ${shopId} is not set up; PUT /shops/${shopId} first`);
    return toShopResponse(shopId, settings, this.clock.now());
  }
}
