import { CreateProcessorSchema1763780000000 } from './lib/migrations/1763780000000-create-processor-schema';

export const PROCESSOR_ENTITIES = [];
/** In order of application. */
export const PROCESSOR_MIGRATIONS = [CreateProcessorSchema1763780000000];
