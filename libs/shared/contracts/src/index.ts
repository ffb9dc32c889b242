// Contract classes use class-transformer decorators, which need the metadata polyfill wherever they load.
import 'reflect-metadata';
export { defineEvent, type EventDefinition } from './lib/event-definition';
export { EventEnvelope } from './lib/event-envelope';
export { validateEvent, type EventValidation } from './lib/validate-event';
