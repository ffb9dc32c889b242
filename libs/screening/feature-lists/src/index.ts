export { ListsModule } from './lib/lists.module';
