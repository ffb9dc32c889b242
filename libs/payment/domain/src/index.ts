export { formatAmount, type PaymentPageLocale } from './lib/format-amount';
export { paymentPageMessages, chooseLocale, KONBINI_CHAIN_NAMES, type PaymentPageMessages } from './lib/payment-page-messages';
export { viewOfPaymentPage, konbiniDeadline, containsCardNumber, type PaymentPageView, type PaymentPageStatus } from './lib/payment-page-state';
export { declineReasonOf } from './lib/decline-reasons';
