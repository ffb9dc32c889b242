import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MerchantScreeningRepository } from '@kessai/recurring-data-access';
import { ScreeningApiClient, screenedOut } from '@kessai/screening-contracts';
import { currentTraceparent } from '@kessai/shared-telemetry';
import { MANDATES_OPTIONS, MandatesOptions } from '../mandates.options';

/** A bill's charge to a mandate stopped before authorization, with the charge's decline code; or allowed. */
export type MandateChargeVerdict = { screenedOut: false } | { screenedOut: true; declineCode: 'screening_declined' | 'screening_unavailable' };

/**
 * Asks credit screening about a bill's charge to its customer's mandate before authorization, when the shop's
 * merchant has screening on — as the payment screen does for a customer paying by hand. Screening unreachable
 * or too slow: the charge goes on (fail open) or is declined (fail closed: the customer gets the payment link).
 */
@Injectable()
export class MandateChargeScreening implements OnModuleDestroy {
  private readonly logger = new Logger(MandateChargeScreening.name);
  private readonly client: ScreeningApiClient;

  constructor(
    private readonly settings: MerchantScreeningRepository,
    @Inject(MANDATES_OPTIONS) private readonly options: MandatesOptions,
  ) {
    this.client = new ScreeningApiClient({ url: options.screening.url, timeoutMs: options.screening.timeoutMs });
  }

  async check(shopId: string, charge: { chargeKey: string; amount: number; currency: string; cardRef: string; customerPhone: string }): Promise<MandateChargeVerdict> {
    const setting = await this.settings.find(shopId);
    if (!setting.enabled) return { screenedOut: false };
    const traceparent = currentTraceparent();
    const answer = await this.client.decide(
      shopId,
      { paymentRef: charge.chargeKey, amount: charge.amount, currency: charge.currency, paymentMethod: 'card', cardRef: charge.cardRef, phone: charge.customerPhone },
      traceparent ? { traceparent } : {},
    );
    if (!answer.ok) {
      this.logger.warn(`screening of ${charge.chargeKey} gave no decision (${answer.code}: ${answer.message}); failing ${this.options.screening.failureMode}`);
      return this.options.screening.failureMode === 'open' ? { screenedOut: false } : { screenedOut: true, declineCode: 'screening_unavailable' };
    }
    return screenedOut(answer.value, setting.onReview) ? { screenedOut: true, declineCode: 'screening_declined' } : { screenedOut: false };
  }

  onModuleDestroy(): Promise<void> {
    return this.client.close();
  }
}
