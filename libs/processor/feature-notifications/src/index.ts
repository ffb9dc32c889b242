export { NotificationsModule } from './lib/notifications.module';
