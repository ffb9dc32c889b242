export { Money } from './lib/money';
export { Currency } from './lib/currency';
