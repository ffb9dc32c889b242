export { PaymentPagesModule, PAYMENT_PAGES_CONSUMERS } from './lib/payment-pages.module';
export { PreparePaymentPageWhenBillCreatedHandler } from './lib/events/prepare-payment-page-when-bill-created.handler';
