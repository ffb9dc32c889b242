export { MerchantScreensModule } from './lib/merchant-screens.module';
export { type MerchantScreensOptions } from './lib/merchant-screens.options';
