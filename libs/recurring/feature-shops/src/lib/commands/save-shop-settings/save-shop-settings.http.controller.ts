import { Body, Controller, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ShopRepository } from '@kessai/recurring-data-access';
import { shopSettings } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { ShopResponse, toShopResponse } from '../../http/shop.response';
import { SaveShopSettingsRequestDto } from './save-shop-settings.request.dto';

@Controller('shops')
export class SaveShopSettingsHttpController {
  constructor(
    private readonly shops: ShopRepository,
    private readonly clock: Clock,
  ) {}

  /** Creates the shop or replaces its settings. */
  @Put(':shopId')
  @HttpCode(HttpStatus.OK)
  async save(@Param('shopId') shopId: string, @Body() body: SaveShopSettingsRequestDto): Promise<ShopResponse> {
    const settings = shopSettings(body);
    await this.shops.save(shopId, settings);
    return toShopResponse(shopId, settings, this.clock.now());
  }
}
