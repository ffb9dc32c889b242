export { PaymentPagesModule, PAYMENT_PAGES_CONSUMERS } from './lib/payment-pages.module';
export { type PaymentPagesOptions } from './lib/payment-pages.options';
export { PreparePaymentPageWhenBillCreatedHandler } from './lib/events/prepare-payment-page-when-bill-created.handler';
export { csrfTokenFor, CSRF_COOKIE } from './lib/web/csrf-token';
