import { DecisionMadeV1 } from './lib/events/decision-made.v1';
import { MerchantScreeningChangedV1 } from './lib/events/merchant-screening-changed.v1';

export { ScreeningRequest } from './lib/screening-request';
export { ScreeningDecision, FiredRuleDto } from './lib/screening-decision';
export { DecisionRequestedV1, DecisionRequestedV1Payload } from './lib/events/decision-requested.v1';
export { DecisionMadeV1, DecisionMadeV1Payload } from './lib/events/decision-made.v1';
export {
  MerchantScreeningChangedV1,
  MerchantScreeningChangedV1Payload,
  ON_REVIEW_POLICIES,
  type OnReviewPolicy,
} from './lib/events/merchant-screening-changed.v1';
export { ScreeningApiClient, screenedOut, type ScreeningAnswer, type BulkScreeningResult, type ScreeningApiClientOptions } from './lib/screening-api.client';

/** Every event the screening context publishes. */
export const SCREENING_EVENTS = [DecisionMadeV1, MerchantScreeningChangedV1];
