import { CreateScreeningSchema1763780000000 } from './lib/migrations/1763780000000-create-screening-schema';

export const SCREENING_ENTITIES = [];
/** In order of application. */
export const SCREENING_MIGRATIONS = [CreateScreeningSchema1763780000000];
