import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { json } from 'express';
import { ApiKeyRepository } from '@kessai/throttle-data-access';
import { ADMIN_OPTIONS, AdminOptions } from './admin.options';
import { AdminTokenGuard } from './admin-token.guard';
import { ApiKeysAdminController } from './api-keys.admin.controller';
import { LimitsAdminController } from './limits.admin.controller';

/** The admin API: API keys and limits per merchant, behind ADMIN_TOKEN. */
@Module({})
export class AdminModule implements NestModule {
  static forRoot(options: AdminOptions): DynamicModule {
    return {
      module: AdminModule,
      controllers: [ApiKeysAdminController, LimitsAdminController],
      providers: [{ provide: ADMIN_OPTIONS, useValue: options }, AdminTokenGuard, ApiKeyRepository],
    };
  }

  // The gateway parses no bodies globally (the merchant API is forwarded byte for byte): only the admin API's.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(json({ limit: '64kb' })).forRoutes(ApiKeysAdminController, LimitsAdminController);
  }
}
