export { Clock, SystemClock, FixedClock, OffsetClock } from './lib/clock';
