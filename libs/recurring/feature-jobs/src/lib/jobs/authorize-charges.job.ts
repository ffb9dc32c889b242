import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChargeAuthorizedV1, ChargeAuthorizedV1Payload, ChargeDeclinedV1, ChargeDeclinedV1Payload } from '@kessai/recurring-contracts';
import { AuthorizationOutcome, ChargeRepository, PendingCharge, ShopRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { failpoint } from '@kessai/shared-failpoints';
import { OutboxWriter } from '@kessai/shared-messaging';
import { ProcessorAuthorizationsClient } from '../processor/processor-authorizations.client';
import { authorizationOutcomes } from './authorization-outcome';
import { ShopChunk, ShopChunkResult, ShopJob } from './shop-job';

/**
 * Authorizes a shop's pending charges of a cycle through the processor's bulk API, a chunk per request. The
 * idempotency key is the charge key: after a crash between the processor's answer and the commit, the replayed
 * chunk gets the recorded answers back instead of new authorizations.
 */
@Injectable()
export class AuthorizeChargesJob implements ShopJob {
  readonly name = 'authorize-charges';

  constructor(
    private readonly charges: ChargeRepository,
    private readonly shops: ShopRepository,
    private readonly processor: ProcessorAuthorizationsClient,
    private readonly outbox: OutboxWriter,
  ) {}

  countRecords(shopId: string, cycle: string): Promise<number> {
    return this.charges.countPending(shopId, cycle);
  }

  async runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult> {
    const pending = await this.charges.lockPendingChunk(transaction, chunk.shopId, chunk.cycle, chunk.after, chunk.limit);
    if (pending.length === 0) return { processed: 0, checkpoint: null };
    const checkpoint = pending[pending.length - 1].id;
    if (chunk.dryRun) return { processed: pending.length, checkpoint };

    const shop = await this.shops.find(chunk.shopId);
    if (!shop) throw new RecurringException('RECURRING_SHOP_NOT_FOUND', `Shop ${chunk.shopId} is not set up`);
    // floor-limit shops skip authorization: the monthly card refresh already vouched for the card; charges of
    // immediate files are always authorized
    const underFloorLimit = pending.filter((charge) => shop.floorLimitEligible && !charge.immediate);
    const toAuthorize = pending.filter((charge) => !(shop.floorLimitEligible && !charge.immediate));
    const outcomes: AuthorizationOutcome[] = [
      ...underFloorLimit.map((charge): AuthorizationOutcome => ({ id: charge.id, status: 'authorized', authorizationId: null, declineCode: null, floorLimit: true })),
      ...(toAuthorize.length === 0
        ? []
        : authorizationOutcomes(
            toAuthorize,
            await this.processor.bulkAuthorize(
              toAuthorize.map((charge) => ({
                merchantId: chunk.shopId,
                cardId: charge.cardRef,
                amount: charge.amount,
                currency: charge.currency,
                idempotencyKey: charge.chargeKey,
              })),
            ),
          )),
    ];
    failpoint('recurring.authorize.after-processor-answer');
    const moved = new Set(await this.charges.applyAuthorizationOutcomes(transaction, outcomes));
    const chargesById = new Map(pending.map((charge) => [charge.id, charge]));
    const announced = outcomes.filter((outcome) => moved.has(outcome.id));
    const common = (outcome: AuthorizationOutcome) => {
      const charge = chargesById.get(outcome.id) as PendingCharge;
      return { chargeKey: charge.chargeKey, cycle: chunk.cycle, cardRef: charge.cardRef, amount: charge.amount, currency: charge.currency };
    };
    await this.outbox.addMany(
      transaction,
      ChargeAuthorizedV1,
      announced
        .filter((outcome) => outcome.status === 'authorized')
        .map((outcome) => ({
          merchantId: chunk.shopId,
          payload: Object.assign(new ChargeAuthorizedV1Payload(), {
            ...common(outcome),
            ...(outcome.authorizationId ? { authorizationId: outcome.authorizationId } : {}),
            floorLimit: outcome.floorLimit,
          }),
        })),
    );
    await this.outbox.addMany(
      transaction,
      ChargeDeclinedV1,
      announced
        .filter((outcome) => outcome.status === 'declined')
        .map((outcome) => ({
          merchantId: chunk.shopId,
          payload: Object.assign(new ChargeDeclinedV1Payload(), { ...common(outcome), declineCode: outcome.declineCode as string }),
        })),
    );
    return { processed: pending.length, checkpoint };
  }
}
