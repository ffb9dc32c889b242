import { DecisionMadeV1 } from './lib/events/decision-made.v1';

export { ScreeningRequest } from './lib/screening-request';
export { ScreeningDecision, FiredRuleDto } from './lib/screening-decision';
export { DecisionRequestedV1, DecisionRequestedV1Payload } from './lib/events/decision-requested.v1';
export { DecisionMadeV1, DecisionMadeV1Payload } from './lib/events/decision-made.v1';

/** Every event the screening context publishes. */
export const SCREENING_EVENTS = [DecisionMadeV1];
