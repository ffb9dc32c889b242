// Contract classes use class-transformer's @Type, which reads decorator metadata: load the polyfill wherever a
// contract is imported (services load it at start; tools and unit tests import contracts directly).
import 'reflect-metadata';
export { defineEvent, type EventDefinition } from './lib/event-definition';
export { EventEnvelope } from './lib/event-envelope';
export { validateEvent, type EventValidation } from './lib/validate-event';
