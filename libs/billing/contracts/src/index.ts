import { BillCanceledV1 } from './lib/events/bill-canceled.v1';
import { BillCreatedV1 } from './lib/events/bill-created.v1';
import { BillExpiredV1 } from './lib/events/bill-expired.v1';
import { BillOpenedV1 } from './lib/events/bill-opened.v1';
import { BillPaidV1 } from './lib/events/bill-paid.v1';
import { BillSentV1 } from './lib/events/bill-sent.v1';
import { BillAutoChargeRequestedV1 } from './lib/events/bill-auto-charge-requested.v1';
import { BillAutoChargeRefusedV1 } from './lib/events/bill-auto-charge-refused.v1';
import { BillFailedV1 } from './lib/events/bill-failed.v1';
import { BillScheduledV1 } from './lib/events/bill-scheduled.v1';

export { BillCreatedV1, BillCreatedV1Payload, BillLineItemV1 } from './lib/events/bill-created.v1';
export { BillSentV1, BillSentV1Payload } from './lib/events/bill-sent.v1';
export { BillOpenedV1, BillOpenedV1Payload } from './lib/events/bill-opened.v1';
export { BillPaidV1, BillPaidV1Payload } from './lib/events/bill-paid.v1';
export { BillExpiredV1, BillExpiredV1Payload } from './lib/events/bill-expired.v1';
export { BillCanceledV1, BillCanceledV1Payload } from './lib/events/bill-canceled.v1';
export { BillAutoChargeRequestedV1, BillAutoChargeRequestedV1Payload } from './lib/events/bill-auto-charge-requested.v1';
export { BillAutoChargeRefusedV1, BillAutoChargeRefusedV1Payload } from './lib/events/bill-auto-charge-refused.v1';
export { BillFailedV1, BillFailedV1Payload } from './lib/events/bill-failed.v1';
export { BillScheduledV1, BillScheduledV1Payload } from './lib/events/bill-scheduled.v1';
export type { BillImportResponse, BillResponse, BillStatisticsResponse, PageResponse, WebhookDeliveryResponse } from './lib/http/billing-api.responses';

/** Every event the billing context publishes. */
export const BILLING_EVENTS = [BillCreatedV1, BillSentV1, BillOpenedV1, BillPaidV1, BillExpiredV1, BillCanceledV1, BillAutoChargeRequestedV1, BillAutoChargeRefusedV1, BillFailedV1, BillScheduledV1];
