export { MandatesModule, MANDATES_CONSUMERS } from './lib/mandates.module';
export { billChargeKey } from './lib/events/charge-mandate-when-bill-auto-charge-requested.handler';
