import { DynamicModule, Module } from '@nestjs/common';
import { DecisionRequestedV1 } from '@kessai/screening-contracts';
import { PaymentAuthorizedV1 } from '@kessai/payment-contracts';
import { DecisionRepository, ListEntryRepository, MerchantScreeningRepository, RuleSetRepository } from '@kessai/screening-data-access';
import { RecordVelocityWhenPaymentAuthorizedHandler, VELOCITY_KEY_PREFIX, VelocityStore } from '@kessai/screening-feature-velocity';
import { ConsumerRegistration, defineConsumer } from '@kessai/shared-messaging';
import { DecidePaymentHandler } from './commands/decide-payment/decide-payment.handler';
import { DecidePaymentsInBulkHandler } from './commands/decide-payments-in-bulk/decide-payments-in-bulk.handler';
import { SetMerchantScreeningHandler } from './commands/set-merchant-screening/set-merchant-screening.handler';
import { SetMerchantScreeningHttpController } from './commands/set-merchant-screening/set-merchant-screening.http.controller';
import { GetMerchantScreeningHttpController } from './queries/get-merchant-screening/get-merchant-screening.http.controller';
import { RecordOutcomeHttpController } from './commands/record-outcome/record-outcome.http.controller';
import { DecideWhenDecisionRequestedHandler } from './events/decide-when-decision-requested.handler';
import { DecisionsFrontListener } from './http/decisions-front.listener';
import { OperatorGuard } from './http/operator.guard';
import { ListCache } from './lists/list.cache';
import { RiskModelProvider } from './model/risk-model.provider';
import { GetDecisionHttpController } from './queries/get-decision/get-decision.http.controller';
import { ListMerchantDecisionsHttpController } from './queries/list-merchant-decisions/list-merchant-decisions.http.controller';
import { ListMerchantRulesHttpController } from './queries/list-merchant-rules/list-merchant-rules.http.controller';
import { DecisionRecorder } from './recording/decision.recorder';
import { RuleSetCache } from './rule-sets/rule-set.cache';
import { SCREENING_OPTIONS, ScreeningOptions } from './screening.options';

export const SCREENING_CONSUMERS: ConsumerRegistration[] = [
  defineConsumer({ name: 'credit-screening.decide-when-decision-requested', event: DecisionRequestedV1, handler: DecideWhenDecisionRequestedHandler }),
  defineConsumer({
    name: 'credit-screening.record-velocity-when-payment-authorized',
    event: PaymentAuthorizedV1,
    handler: RecordVelocityWhenPaymentAuthorizedHandler,
  }),
];

/** Deciding on payments: features, velocity, lists, the model and the compiled rule sets. */
@Module({})
export class DecisionsModule {
  static forService(options: ScreeningOptions & { velocityKeyPrefix: string }): DynamicModule {
    return {
      module: DecisionsModule,
      global: true,
      controllers: [ListMerchantDecisionsHttpController, ListMerchantRulesHttpController, GetDecisionHttpController, RecordOutcomeHttpController, SetMerchantScreeningHttpController, GetMerchantScreeningHttpController],
      providers: [
        { provide: SCREENING_OPTIONS, useValue: options },
        { provide: VELOCITY_KEY_PREFIX, useValue: options.velocityKeyPrefix },
        RuleSetRepository,
        ListEntryRepository,
        DecisionRepository,
        MerchantScreeningRepository,
        SetMerchantScreeningHandler,
        VelocityStore,
        RiskModelProvider,
        RuleSetCache,
        ListCache,
        DecisionRecorder,
        DecidePaymentHandler,
        DecidePaymentsInBulkHandler,
        DecisionsFrontListener,
        DecideWhenDecisionRequestedHandler,
        RecordVelocityWhenPaymentAuthorizedHandler,
        OperatorGuard,
      ],
      exports: [SCREENING_OPTIONS, RuleSetRepository, ListEntryRepository, DecisionRepository, RuleSetCache, ListCache, OperatorGuard, DecidePaymentHandler, DecisionsFrontListener],
    };
  }
}
