import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MerchantGatewayMiddleware } from './merchant-gateway.middleware';
import { OpenApiController } from './openapi.controller';
import { PROXY_OPTIONS, ProxyOptions } from './proxy.options';
import { UpstreamPools } from './upstream-pools';

@Module({})
export class ProxyModule implements NestModule {
  static forRoot(options: ProxyOptions): DynamicModule {
    return {
      module: ProxyModule,
      controllers: [OpenApiController],
      providers: [{ provide: PROXY_OPTIONS, useValue: options }, UpstreamPools, MerchantGatewayMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MerchantGatewayMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
