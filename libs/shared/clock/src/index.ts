export { Clock, SystemClock, FixedClock } from './lib/clock';
