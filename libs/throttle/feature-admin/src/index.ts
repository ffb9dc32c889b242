export { AdminModule } from './lib/admin.module';
export { type AdminOptions } from './lib/admin.options';
