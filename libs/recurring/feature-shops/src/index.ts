export { ShopsModule } from './lib/shops.module';
