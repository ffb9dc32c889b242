export { MandatesModule, MANDATES_CONSUMERS } from './lib/mandates.module';
