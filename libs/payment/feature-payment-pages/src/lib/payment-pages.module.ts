import { Module } from '@nestjs/common';
import { BillCreatedV1 } from '@kessai/billing-contracts';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { PreparePaymentPageWhenBillCreatedHandler } from './events/prepare-payment-page-when-bill-created.handler';

export const PAYMENT_PAGES_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({
    name: 'payment-screen.prepare-payment-page-when-bill-created',
    event: BillCreatedV1,
    handler: PreparePaymentPageWhenBillCreatedHandler,
  }),
];

@Module({
  providers: [PreparePaymentPageWhenBillCreatedHandler],
})
export class PaymentPagesModule {}
