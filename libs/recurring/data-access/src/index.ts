import { CreateRecurringSchema1763780000000 } from './lib/migrations/1763780000000-create-recurring-schema';

export const RECURRING_ENTITIES = [];
/** In order of application. */
export const RECURRING_MIGRATIONS = [CreateRecurringSchema1763780000000];
