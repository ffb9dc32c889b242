export { CardsModule } from './lib/cards.module';
