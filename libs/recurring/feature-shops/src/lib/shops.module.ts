import { Module } from '@nestjs/common';
import { ShopRepository } from '@kessai/recurring-data-access';
import { SaveShopSettingsHttpController } from './commands/save-shop-settings/save-shop-settings.http.controller';
import { GetShopHttpController } from './queries/get-shop/get-shop.http.controller';

@Module({
  controllers: [SaveShopSettingsHttpController, GetShopHttpController],
  providers: [ShopRepository],
})
export class ShopsModule {}
