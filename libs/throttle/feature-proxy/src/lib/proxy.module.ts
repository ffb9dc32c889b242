import { DynamicModule, Module } from '@nestjs/common';
import { ConsolePassThrough } from './console-pass-through';
import { MerchantApiListener } from './merchant-api.listener';
import { OpenApiController } from './openapi.controller';
import { PROXY_OPTIONS, ProxyOptions } from './proxy.options';
import { UpstreamPools } from './upstream-pools';

/**
 * The merchant API: MerchantApiListener serves it in front of Nest (the app's `frontListener`); Nest serves
 * the OpenAPI document. ConsolePassThrough, also in front, streams `/console` to the merchant console.
 */
@Module({})
export class ProxyModule {
  static forRoot(options: ProxyOptions): DynamicModule {
    return {
      module: ProxyModule,
      controllers: [OpenApiController],
      providers: [{ provide: PROXY_OPTIONS, useValue: options }, UpstreamPools, MerchantApiListener, ConsolePassThrough],
    };
  }
}
