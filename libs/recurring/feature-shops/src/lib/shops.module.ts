import { Module } from '@nestjs/common';
import { ChargeRepository, ShopRepository } from '@kessai/recurring-data-access';
import { SaveShopSettingsHttpController } from './commands/save-shop-settings/save-shop-settings.http.controller';
import { DownloadMerchantResultsHttpController, DownloadShopResultsHttpController } from './queries/download-shop-results/download-shop-results.http.controller';
import { GetShopHttpController } from './queries/get-shop/get-shop.http.controller';

@Module({
  controllers: [SaveShopSettingsHttpController, GetShopHttpController, DownloadShopResultsHttpController, DownloadMerchantResultsHttpController],
  providers: [ShopRepository, ChargeRepository],
})
export class ShopsModule {}
