import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CONSOLE_PAGE_MIDDLEWARE } from '@kessai/console-feature-sign-in';
import { ApiKeysHttpController } from './api-keys/api-keys.http.controller';
import { BillsHttpController } from './bills/bills.http.controller';
import { KessaiApis } from './clients/kessai-apis';
import { DashboardHttpController } from './dashboard/dashboard.http.controller';
import { MERCHANT_SCREENS_OPTIONS, MerchantScreensOptions } from './merchant-screens.options';
import { RecurringHttpController } from './recurring/recurring.http.controller';
import { ScreeningHttpController } from './screening/screening.http.controller';
import { ThrottleHttpController } from './throttle/throttle.http.controller';
import { UploadsHttpController } from './uploads/uploads.http.controller';
import { WebhooksHttpController } from './webhooks/webhooks.http.controller';
import { ScreenPages } from './web/screen-pages';

const CONTROLLERS = [DashboardHttpController, BillsHttpController, UploadsHttpController, WebhooksHttpController, ApiKeysHttpController, ThrottleHttpController, RecurringHttpController, ScreeningHttpController];

/** The screens merchants work in; every one reads and acts through the owning service's HTTP API. */
@Module({})
export class MerchantScreensModule implements NestModule {
  static forRoot(options: MerchantScreensOptions): DynamicModule {
    return {
      module: MerchantScreensModule,
      controllers: CONTROLLERS,
      providers: [{ provide: MERCHANT_SCREENS_OPTIONS, useValue: options }, KessaiApis, ScreenPages],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(...CONSOLE_PAGE_MIDDLEWARE).forRoutes(...CONTROLLERS);
  }
}
