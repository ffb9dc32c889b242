import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ChargeAuthorizedV1,
  ChargeAuthorizedV1Payload,
  ChargeDeclinedV1,
  ChargeDeclinedV1Payload,
  ChargeDunningStoppedV1,
  ChargeDunningStoppedV1Payload,
  ChargeRetryScheduledV1,
  ChargeRetryScheduledV1Payload,
} from '@kessai/recurring-contracts';
import { DeclinedCharge, DunningRepository, RetryState } from '@kessai/recurring-data-access';
import { DunningSchedule, DunningStopReason, nextDunningStep, retryIdempotencyKey } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';
import { ProcessorAuthorizationsClient } from '../processor/processor-authorizations.client';
import { JOBS_OPTIONS, JobsOptions } from '../jobs.options';
import { authorizationOutcomes } from './authorization-outcome';
import { ShopChunk, ShopChunkResult, ShopJob } from './shop-job';

type Announcement =
  | { kind: 'scheduled'; charge: DeclinedCharge; attempt: number; retryAt: Date; declineCode: string }
  | { kind: 'stopped'; charge: DeclinedCharge; reason: DunningStopReason; attemptsMade: number; declineCode: string }
  | { kind: 'authorized'; charge: DeclinedCharge; attempt: number; authorizationId: string }
  | { kind: 'declined'; charge: DeclinedCharge; attempt: number; declineCode: string };

/**
 * Dunning (run daily): a shop's declined charges of a cycle. A soft decline is scheduled on
 * RECURRING_DUNNING_RETRY_DAYS after its first decline and, once due, authorized again with a key of its own
 * per attempt (charge key + attempt number): a resent attempt is answered from the processor's record, a new
 * attempt is a new authorization. Approved → authorized (captured with the next file); declined again → the
 * next retry or, after the last, stopped; hard declines stop at once. Each step is an event.
 */
@Injectable()
export class RetryDeclinedChargesJob implements ShopJob {
  readonly name = 'retry-declined-charges';
  private readonly schedule: DunningSchedule;

  constructor(
    private readonly dunning: DunningRepository,
    private readonly processor: ProcessorAuthorizationsClient,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(JOBS_OPTIONS) options: JobsOptions,
  ) {
    this.schedule = DunningSchedule.of(options.dunningRetryDays);
  }

  countRecords(shopId: string, cycle: string): Promise<number> {
    return this.dunning.countOpen(shopId, cycle);
  }

  async runChunk(transaction: EntityManager, chunk: ShopChunk): Promise<ShopChunkResult> {
    const charges = await this.dunning.lockOpenChunk(transaction, chunk.shopId, chunk.cycle, chunk.after, chunk.limit, !chunk.dryRun);
    if (charges.length === 0) return { processed: 0, checkpoint: null };
    const checkpoint = charges[charges.length - 1].id;
    if (chunk.dryRun) return { processed: charges.length, checkpoint };

    const now = this.clock.now();
    const states: RetryState[] = [];
    const announcements: Announcement[] = [];
    const due: { charge: DeclinedCharge; attempt: number; firstDeclinedAt: Date }[] = [];
    for (const charge of charges) {
      const firstDeclinedAt = charge.retry?.firstDeclinedAt ?? charge.declinedAt;
      const attemptsMade = charge.retry?.attemptsMade ?? 0;
      const step = nextDunningStep(
        { declineCode: charge.declineCode, firstDeclinedAt, attemptsMade, nextRetryAt: charge.retry?.nextRetryAt ?? null, definitionActive: charge.definitionActive },
        this.schedule,
        now,
      );
      if (step.kind === 'schedule') {
        states.push({ chargeId: charge.id, status: 'scheduled', firstDeclinedAt, attemptsMade, nextRetryAt: step.retryAt, stopReason: null });
        announcements.push({ kind: 'scheduled', charge, attempt: step.attempt, retryAt: step.retryAt, declineCode: charge.declineCode });
      } else if (step.kind === 'stop') {
        states.push({ chargeId: charge.id, status: 'stopped', firstDeclinedAt, attemptsMade, nextRetryAt: null, stopReason: step.reason });
        announcements.push({ kind: 'stopped', charge, reason: step.reason, attemptsMade, declineCode: charge.declineCode });
      } else if (step.kind === 'retry') {
        due.push({ charge, attempt: step.attempt, firstDeclinedAt });
      }
    }

    if (due.length > 0) {
      const keyed = due.map((retry) => ({ ...retry, key: retryIdempotencyKey(retry.charge.chargeKey, retry.attempt) }));
      const answers = await this.processor.bulkAuthorize(
        keyed.map(({ charge, key }) => ({ merchantId: chunk.shopId, cardId: charge.cardRef, amount: charge.amount, currency: charge.currency, idempotencyKey: key })),
      );
      // the answers pair by idempotency key: the retry's key stands in for the charge key
      const outcomes = new Map(
        authorizationOutcomes(
          keyed.map(({ charge, key }) => ({ id: charge.id, chargeKey: key, cardRef: charge.cardRef, amount: charge.amount, currency: charge.currency })),
          answers,
        ).map((outcome) => [outcome.id, outcome]),
      );
      const applied = await this.dunning.applyRetryAnswers(
        transaction,
        keyed.flatMap(({ charge }) => {
          const outcome = outcomes.get(charge.id);
          return outcome ? [{ id: charge.id, authorizationId: outcome.authorizationId, declineCode: outcome.declineCode, cardRef: charge.cardRef }] : [];
        }),
        now,
      );
      for (const { charge, attempt, firstDeclinedAt } of keyed) {
        const outcome = outcomes.get(charge.id);
        // no answer or a processor error: the same attempt (same key) goes again on the next run
        if (!outcome || !applied.has(charge.id)) continue;
        if (outcome.status === 'authorized') {
          states.push({ chargeId: charge.id, status: 'succeeded', firstDeclinedAt, attemptsMade: attempt, nextRetryAt: null, stopReason: null });
          announcements.push({ kind: 'authorized', charge, attempt, authorizationId: outcome.authorizationId as string });
          continue;
        }
        const declineCode = outcome.declineCode as string;
        announcements.push({ kind: 'declined', charge, attempt, declineCode });
        const next = nextDunningStep({ declineCode, firstDeclinedAt, attemptsMade: attempt, nextRetryAt: null, definitionActive: true }, this.schedule, now);
        if (next.kind === 'schedule' || next.kind === 'retry') {
          // a retry already overdue (the job did not run for days) waits for the next run rather than going twice today
          const retryAt = next.kind === 'schedule' ? next.retryAt : (this.schedule.retryAt(firstDeclinedAt, next.attempt) as Date);
          states.push({ chargeId: charge.id, status: 'scheduled', firstDeclinedAt, attemptsMade: attempt, nextRetryAt: retryAt, stopReason: null });
          announcements.push({ kind: 'scheduled', charge, attempt: next.attempt, retryAt, declineCode });
        } else if (next.kind === 'stop') {
          states.push({ chargeId: charge.id, status: 'stopped', firstDeclinedAt, attemptsMade: attempt, nextRetryAt: null, stopReason: next.reason });
          announcements.push({ kind: 'stopped', charge, reason: next.reason, attemptsMade: attempt, declineCode });
        }
      }
    }

    await this.dunning.saveRetryStates(transaction, chunk.shopId, chunk.cycle, states, now);
    await this.announce(transaction, chunk, announcements);
    return { processed: charges.length, checkpoint };
  }

  private async announce(transaction: EntityManager, chunk: ShopChunk, announcements: Announcement[]): Promise<void> {
    const common = (charge: DeclinedCharge) => ({ chargeKey: charge.chargeKey, cycle: chunk.cycle, cardRef: charge.cardRef, amount: charge.amount, currency: charge.currency });
    const of = <K extends Announcement['kind']>(kind: K) => announcements.filter((a): a is Extract<Announcement, { kind: K }> => a.kind === kind);
    await this.outbox.addMany(
      transaction,
      ChargeAuthorizedV1,
      of('authorized').map((a) => ({
        merchantId: chunk.shopId,
        payload: Object.assign(new ChargeAuthorizedV1Payload(), { ...common(a.charge), authorizationId: a.authorizationId, floorLimit: false, attempt: a.attempt }),
      })),
    );
    await this.outbox.addMany(
      transaction,
      ChargeDeclinedV1,
      of('declined').map((a) => ({
        merchantId: chunk.shopId,
        payload: Object.assign(new ChargeDeclinedV1Payload(), { ...common(a.charge), declineCode: a.declineCode, attempt: a.attempt }),
      })),
    );
    await this.outbox.addMany(
      transaction,
      ChargeRetryScheduledV1,
      of('scheduled').map((a) => ({
        merchantId: chunk.shopId,
        payload: Object.assign(new ChargeRetryScheduledV1Payload(), {
          ...common(a.charge),
          declineCode: a.declineCode,
          attempt: a.attempt,
          retryAt: a.retryAt.toISOString(),
        }),
      })),
    );
    await this.outbox.addMany(
      transaction,
      ChargeDunningStoppedV1,
      of('stopped').map((a) => ({
        merchantId: chunk.shopId,
        payload: Object.assign(new ChargeDunningStoppedV1Payload(), { ...common(a.charge), declineCode: a.declineCode, attemptsMade: a.attemptsMade, reason: a.reason }),
      })),
    );
  }
}
