export { defineEvent, type EventDefinition } from './lib/event-definition';
export { EventEnvelope } from './lib/event-envelope';
export { validateEvent, type EventValidation } from './lib/validate-event';
