export { KonbiniModule } from './lib/konbini.module';
