import { CreateThrottleSchema1763780000000 } from './lib/migrations/1763780000000-create-throttle-schema';

export const THROTTLE_ENTITIES = [];
/** In order of application. */
export const THROTTLE_MIGRATIONS = [CreateThrottleSchema1763780000000];
