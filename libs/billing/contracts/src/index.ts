export { BillCreatedV1, BillCreatedV1Payload } from './lib/events/bill-created.v1';
import { BillCreatedV1 } from './lib/events/bill-created.v1';

/** Every event the billing context publishes. */
export const BILLING_EVENTS = [BillCreatedV1];
