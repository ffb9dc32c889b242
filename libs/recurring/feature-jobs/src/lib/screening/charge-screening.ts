import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AuthorizationOutcome, MerchantScreeningRepository, PendingCharge } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { ScreeningApiClient, screenedOut } from '@kessai/screening-contracts';
import { JOBS_OPTIONS, JobsOptions } from '../jobs.options';

/** Credit screening takes at most this many requests per bulk call. */
const BULK_LIMIT = 5000;

export const SCREENING_DECLINE_CODE = 'screening_declined';

export interface ScreenedCharges {
  /** To send to the processor (or to the floor limit). */
  toAuthorize: PendingCharge[];
  /** Declined by screening: never sent to the processor. */
  declined: AuthorizationOutcome[];
}

/**
 * Asks credit screening about a chunk of charges before authorization, when the shop's merchant has screening
 * on: one bulk call per 5,000 charges. Screening unreachable: fail open (authorize them all) or fail closed (the
 * chunk fails and stays pending; the job's retry asks again), as configured.
 */
@Injectable()
export class ChargeScreening implements OnModuleDestroy {
  private readonly logger = new Logger(ChargeScreening.name);
  private readonly client: ScreeningApiClient;

  constructor(
    private readonly settings: MerchantScreeningRepository,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {
    this.client = new ScreeningApiClient({ url: options.screening.url, timeoutMs: options.screening.timeoutMs, bulkTimeoutMs: options.screening.timeoutMs });
  }

  async screen(shopId: string, charges: PendingCharge[]): Promise<ScreenedCharges> {
    const setting = await this.settings.find(shopId);
    if (!setting.enabled || charges.length === 0) return { toAuthorize: charges, declined: [] };
    const screened: ScreenedCharges = { toAuthorize: [], declined: [] };
    for (let start = 0; start < charges.length; start += BULK_LIMIT) {
      const batch = charges.slice(start, start + BULK_LIMIT);
      const answer = await this.client.decideMany(
        shopId,
        batch.map((charge) => ({ paymentRef: charge.chargeKey, amount: charge.amount, currency: charge.currency, paymentMethod: 'card', cardRef: charge.cardRef })),
      );
      if (!answer.ok) {
        if (this.options.screening.failureMode === 'closed') {
          throw new RecurringException('RECURRING_SCREENING_UNAVAILABLE', `credit screening gave no decisions for shop ${shopId} (${answer.code}: ${answer.message})`);
        }
        this.logger.warn(`screening of ${batch.length} charges of shop ${shopId} gave no decisions (${answer.code}); failing open`);
        screened.toAuthorize.push(...batch);
        continue;
      }
      batch.forEach((charge, i) => {
        const result = answer.value[i];
        if (result && 'decision' in result && screenedOut(result, setting.onReview)) {
          screened.declined.push({ id: charge.id, status: 'declined', authorizationId: null, declineCode: SCREENING_DECLINE_CODE, floorLimit: false });
        } else {
          // Approved, allowed review, or refused as a request (logged by screening): authorization decides.
          screened.toAuthorize.push(charge);
        }
      });
    }
    return screened;
  }

  onModuleDestroy(): Promise<void> {
    return this.client.close();
  }
}
