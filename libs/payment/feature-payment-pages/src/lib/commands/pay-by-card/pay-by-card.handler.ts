import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentAttemptEntity, PaymentPageEntity } from '@kessai/payment-data-access';
import { declineReasonOf } from '@kessai/payment-domain';
import { PaymentOutcomes } from '../../outcomes/payment-outcomes';
import { ProcessorClient } from '../../processor/processor.client';
import { CardPaymentScreening } from '../../screening/card-payment-screening';
import { PaymentAttempts } from '../payment-attempts';

export interface PayByCardCommand {
  page: PaymentPageEntity;
  attemptKey: string;
  /** The processor's one-time token from the browser: never a card number. */
  cardToken: string;
  saveCard: boolean;
  /** The customer's address as the screen saw it, for screening. */
  customerIp?: string;
}

/** Where the customer goes next: the attempt's page (receipt, failure) or the 3-D Secure challenge. */
export type PayByCardResult = { attempt: PaymentAttemptEntity; redirectTo: 'attempt' | string };

/**
 * Pays a bill by card: exchanges the one-time token for a card reference, authorizes once per attempt (the
 * attempt id is the processor's idempotency key) and records the outcome with its event.
 */
@Injectable()
export class PayByCardHandler {
  private readonly logger = new Logger(PayByCardHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: PaymentAttempts,
    private readonly processor: ProcessorClient,
    private readonly outcomes: PaymentOutcomes,
    private readonly screening: CardPaymentScreening,
  ) {}

  async execute(command: PayByCardCommand): Promise<PayByCardResult> {
    const { page } = command;
    const { attempt, first } = await this.attempts.begin(page, command.attemptKey, 'card', { saveCard: command.saveCard });
    if (!first) return { attempt, redirectTo: 'attempt' };

    const card = await this.processor.exchangeToken(command.cardToken, page.merchantId);
    if (!card.ok) return this.fail(attempt, card.code === 'PROCESSOR_TOKEN_EXPIRED' ? 'card_token_expired' : 'card_token_invalid');
    await this.attempts.update(attempt, { cardRef: card.body.cardId, cardBrand: card.body.brand, cardLast4: card.body.last4 });

    // Screened out: no authorization is sent, the customer sees why and may pay another way.
    const verdict = await this.screening.check(page, attempt, { cardRef: card.body.cardId, cardBrand: card.body.brand }, { ip: command.customerIp });
    if (verdict.screenedOut) {
      this.logger.log(`attempt ${attempt.id} screened out before authorization (${verdict.reasonCode}, decision ${verdict.decisionId ?? 'none'})`);
      return this.fail(attempt, verdict.reasonCode);
    }

    const authorization = await this.processor.authorize({
      merchantId: page.merchantId,
      cardId: card.body.cardId,
      amount: page.amount,
      currency: page.currency,
      idempotencyKey: attempt.id,
    });
    if (!authorization.ok) {
      this.logger.warn(`authorization of attempt ${attempt.id} failed: ${authorization.code}`);
      return this.fail(attempt, authorization.status === 504 ? 'processor_timeout' : 'processor_unavailable');
    }
    const answer = authorization.body;
    if (answer.status === 'challenge_required' && answer.challengeUrl) {
      await this.attempts.update(attempt, { status: 'challenge-required', processorRef: answer.authorizationId, redirectUrl: answer.challengeUrl });
      return { attempt, redirectTo: answer.challengeUrl };
    }
    if (answer.status === 'approved') {
      const recorded = await this.dataSource.transaction((transaction) => this.outcomes.authorized(transaction, attempt, { processorRef: answer.authorizationId }).catch((error) => {
        if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'payment_attempt_one_success') return false;
        throw error;
      }));
      // Another attempt paid the bill meanwhile (two tabs): release this authorization, the customer pays once.
      if (!recorded) await this.releaseDuplicate(attempt, answer.authorizationId);
      return { attempt, redirectTo: 'attempt' };
    }
    return this.fail(attempt, declineReasonOf(answer.reasonCode), answer.authorizationId);
  }

  private async fail(attempt: PaymentAttemptEntity, reasonCode: string, processorRef?: string): Promise<PayByCardResult> {
    await this.dataSource.transaction((transaction) => this.outcomes.failed(transaction, attempt, reasonCode, processorRef ? { processorRef } : {}));
    return { attempt, redirectTo: 'attempt' };
  }

  private async releaseDuplicate(attempt: PaymentAttemptEntity, authorizationId: string): Promise<void> {
    await this.processor.cancelAuthorization(authorizationId, attempt.merchantId);
    await this.fail(attempt, 'already_paid', authorizationId);
  }
}
