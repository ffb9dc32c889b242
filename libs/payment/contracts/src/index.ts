import { MandateRequestedV1 } from './lib/events/mandate-requested.v1';
import { PaymentAuthorizedV1 } from './lib/events/payment-authorized.v1';
import { PaymentCapturedV1 } from './lib/events/payment-captured.v1';
import { PaymentFailedV1 } from './lib/events/payment-failed.v1';
import { PaymentPageOpenedV1 } from './lib/events/payment-page-opened.v1';

export { PaymentAuthorizedV1, PaymentAuthorizedV1Payload } from './lib/events/payment-authorized.v1';
export { PaymentCapturedV1, PaymentCapturedV1Payload } from './lib/events/payment-captured.v1';
export { PaymentFailedV1, PaymentFailedV1Payload } from './lib/events/payment-failed.v1';
export { PaymentPageOpenedV1, PaymentPageOpenedV1Payload } from './lib/events/payment-page-opened.v1';
export { MandateRequestedV1, MandateRequestedV1Payload } from './lib/events/mandate-requested.v1';

/** Every event the payment context publishes. */
export const PAYMENT_EVENTS = [PaymentPageOpenedV1, PaymentAuthorizedV1, PaymentCapturedV1, PaymentFailedV1, MandateRequestedV1];
