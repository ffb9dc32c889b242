export { ProxyModule } from './lib/proxy.module';
export { MerchantApiListener } from './lib/merchant-api.listener';
export { ConsolePassThrough } from './lib/console-pass-through';
export { MERCHANT_SERVICES, RouteTable, type MerchantRoute, type MerchantService } from './lib/merchant-routes';
export { MERCHANT_API_OPENAPI } from './lib/merchant-api.openapi';
export { type ProxyOptions } from './lib/proxy.options';
