import { DynamicModule, Module } from '@nestjs/common';
import { BillAutoChargeRefusedV1, BillAutoChargeRequestedV1 } from '@kessai/billing-contracts';
import { MandateRequestedV1 } from '@kessai/payment-contracts';
import { BillChargeRepository, MandateRepository, MerchantScreeningRepository } from '@kessai/recurring-data-access';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { RevokeMandateHandler } from './commands/revoke-mandate/revoke-mandate.handler';
import { RevokeMandateHttpController } from './commands/revoke-mandate/revoke-mandate.http.controller';
import { ListMandatesHttpController } from './queries/list-mandates/list-mandates.http.controller';
import { ChargeMandateWhenBillAutoChargeRequestedHandler } from './events/charge-mandate-when-bill-auto-charge-requested.handler';
import { ReleaseBillChargeWhenAutoChargeRefusedHandler } from './events/release-bill-charge-when-auto-charge-refused.handler';
import { StoreMandateWhenMandateRequestedHandler } from './events/store-mandate-when-mandate-requested.handler';
import { MANDATES_OPTIONS, MandatesOptions } from './mandates.options';
import { MandateAuthorizationsClient } from './processor/mandate-authorizations.client';
import { MandateChargeScreening } from './screening/mandate-charge-screening';

export const MANDATES_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({
    name: 'recurring-engine.store-mandate-when-mandate-requested',
    event: MandateRequestedV1,
    handler: StoreMandateWhenMandateRequestedHandler,
  }),
  defineConsumer({
    name: 'recurring-engine.charge-mandate-when-bill-auto-charge-requested',
    event: BillAutoChargeRequestedV1,
    handler: ChargeMandateWhenBillAutoChargeRequestedHandler,
  }),
  defineConsumer({
    name: 'recurring-engine.release-bill-charge-when-auto-charge-refused',
    event: BillAutoChargeRefusedV1,
    handler: ReleaseBillChargeWhenAutoChargeRefusedHandler,
  }),
];

@Module({})
export class MandatesModule {
  static forService(options: MandatesOptions): DynamicModule {
    return {
      module: MandatesModule,
      controllers: [ListMandatesHttpController, RevokeMandateHttpController],
      providers: [
        { provide: MANDATES_OPTIONS, useValue: options },
        MandateRepository,
        BillChargeRepository,
        MandateAuthorizationsClient,
        MerchantScreeningRepository,
        MandateChargeScreening,
        RevokeMandateHandler,
        StoreMandateWhenMandateRequestedHandler,
        ChargeMandateWhenBillAutoChargeRequestedHandler,
        ReleaseBillChargeWhenAutoChargeRefusedHandler,
      ],
    };
  }
}
