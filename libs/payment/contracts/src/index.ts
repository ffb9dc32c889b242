import { PaymentAuthorizedV1 } from './lib/events/payment-authorized.v1';

export { PaymentAuthorizedV1, PaymentAuthorizedV1Payload } from './lib/events/payment-authorized.v1';

/** Every event the payment context publishes. */
export const PAYMENT_EVENTS = [PaymentAuthorizedV1];
