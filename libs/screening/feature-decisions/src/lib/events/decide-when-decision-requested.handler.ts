import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionMadeV1, DecisionMadeV1Payload, DecisionRequestedV1Payload, ScreeningDecision, screenedOut } from '@kessai/screening-contracts';
import { MerchantScreeningRepository } from '@kessai/screening-data-access';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler, OutboxWriter } from '@kessai/shared-messaging';
import { DecidePaymentCommand } from '../commands/decide-payment/decide-payment.command';
import { DecidePaymentHandler } from '../commands/decide-payment/decide-payment.handler';

/**
 * The asynchronous way to ask: the answer goes out as screening.decision.made with the asker's request id, and
 * says whether it stops the payment under the merchant's screening setting, as the HTTP askers apply it: a
 * merchant with screening off (or never set up) is decided and recorded, but never stopped.
 */
@Injectable()
export class DecideWhenDecisionRequestedHandler implements EventHandler<DecisionRequestedV1Payload> {
  constructor(
    private readonly decide: DecidePaymentHandler,
    private readonly settings: MerchantScreeningRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(event: EventEnvelope<DecisionRequestedV1Payload>, transaction: EntityManager): Promise<void> {
    const setting = await this.settings.find(event.merchantId, transaction);
    const screeningEnabled = setting?.enabled ?? false;
    const onReview = setting?.onReview ?? 'decline';
    const decision = await this.decide.execute(new DecidePaymentCommand(event.merchantId, event.payload.request));
    await this.outbox.add(transaction, DecisionMadeV1, {
      merchantId: event.merchantId,
      payload: Object.assign(new DecisionMadeV1Payload(), {
        requestId: event.payload.requestId,
        decision: Object.assign(new ScreeningDecision(), decision),
        screeningEnabled,
        onReview,
        stopsPayment: screeningEnabled && screenedOut(decision, onReview),
      }),
    });
  }
}
