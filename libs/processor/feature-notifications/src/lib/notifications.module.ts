import { DynamicModule, Module } from '@nestjs/common';
import { WebhookDeliveryJob } from './jobs/webhook-delivery.job';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';

@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsOptions): DynamicModule {
    return { module: NotificationsModule, providers: [{ provide: NOTIFICATIONS_OPTIONS, useValue: options }, WebhookDeliveryJob] };
  }
}
