import { Module } from '@nestjs/common';
import { MandateRequestedV1 } from '@kessai/payment-contracts';
import { MandateRepository } from '@kessai/recurring-data-access';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { StoreMandateWhenMandateRequestedHandler } from './events/store-mandate-when-mandate-requested.handler';

export const MANDATES_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({
    name: 'recurring-engine.store-mandate-when-mandate-requested',
    event: MandateRequestedV1,
    handler: StoreMandateWhenMandateRequestedHandler,
  }),
];

@Module({
  providers: [MandateRepository, StoreMandateWhenMandateRequestedHandler],
})
export class MandatesModule {}
