import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MerchantScreeningEntity, PaymentAttemptEntity, PaymentPageEntity } from '@kessai/payment-data-access';
import { ScreeningApiClient, screenedOut } from '@kessai/screening-contracts';
import { currentTraceparent } from '@kessai/shared-telemetry';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../payment-pages.options';

/** Why a card payment was stopped before authorization, as the attempt's reason code. */
export type ScreeningVerdict = { screenedOut: false; decisionId?: string } | { screenedOut: true; reasonCode: 'screening_declined' | 'screening_unavailable'; decisionId?: string };

/**
 * Asks credit screening about a card payment before it is authorized, when the merchant has screening on (the
 * setting comes from credit screening's events into our own table). Screening unreachable or too slow: the
 * payment goes on (fail open) or stops (fail closed), as configured.
 */
@Injectable()
export class CardPaymentScreening implements OnModuleDestroy {
  private readonly logger = new Logger(CardPaymentScreening.name);
  private readonly client: ScreeningApiClient;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PAYMENT_PAGES_OPTIONS) private readonly options: PaymentPagesOptions,
  ) {
    this.client = new ScreeningApiClient({ url: options.screening.url, timeoutMs: options.screening.timeoutMs });
  }

  async check(page: PaymentPageEntity, attempt: PaymentAttemptEntity, card: { cardRef: string; cardBrand?: string }, customer: { ip?: string }): Promise<ScreeningVerdict> {
    const setting = await this.dataSource.getRepository(MerchantScreeningEntity).findOneBy({ merchantId: page.merchantId });
    if (!setting?.enabled) return { screenedOut: false };
    const traceparent = currentTraceparent();
    const answer = await this.client.decide(
      page.merchantId,
      {
        paymentRef: attempt.id,
        amount: page.amount,
        currency: page.currency,
        paymentMethod: 'card',
        cardRef: card.cardRef,
        ...(card.cardBrand && { cardBrand: card.cardBrand }),
        ...(page.customerPhone && { phone: page.customerPhone }),
        ...(customer.ip && { ip: customer.ip }),
      },
      traceparent ? { traceparent } : {},
    );
    if (!answer.ok) {
      this.logger.warn(`screening of attempt ${attempt.id} gave no decision (${answer.code}: ${answer.message}); failing ${this.options.screening.failureMode}`);
      return this.options.screening.failureMode === 'open' ? { screenedOut: false } : { screenedOut: true, reasonCode: 'screening_unavailable' };
    }
    const decision = answer.value;
    return screenedOut(decision, setting.onReview)
      ? { screenedOut: true, reasonCode: 'screening_declined', decisionId: decision.decisionId }
      : { screenedOut: false, decisionId: decision.decisionId };
  }

  onModuleDestroy(): Promise<void> {
    return this.client.close();
  }
}
