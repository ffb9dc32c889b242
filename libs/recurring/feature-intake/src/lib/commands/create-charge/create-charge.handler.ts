import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ChargeAuthorizedV1, ChargeAuthorizedV1Payload, ChargeDeclinedV1, ChargeDeclinedV1Payload } from '@kessai/recurring-contracts';
import { ApiChargeRecord, ApiChargeRepository, AuthorizationOutcome, ChargeRepository, MemberRepository, ShopRepository } from '@kessai/recurring-data-access';
import { apiCallChargeKey, Cycle, RecurringException } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';
import { Currency } from '@kessai/shared-money';
import { ProcessorAuthorizationClient, SingleAuthorizationAnswer } from '../../processor/processor-authorization.client';
import { CreateChargeCommand } from './create-charge.command';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * One charge per API call, authorized at once through the processor and answered. The merchant decides when
 * and whether to retry: the Idempotency-Key names the charge, so a retry answers the first call's outcome and
 * the processor, given the same key, never authorizes twice. The pending charge is committed before the
 * processor is asked, so a crash in between leaves a pending charge that the retry (or the authorize-charges
 * job) completes with the same key, never an authorization the engine does not know of.
 */
@Injectable()
export class CreateChargeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shops: ShopRepository,
    private readonly members: MemberRepository,
    private readonly apiCharges: ApiChargeRepository,
    private readonly charges: ChargeRepository,
    private readonly processor: ProcessorAuthorizationClient,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateChargeCommand): Promise<{ charge: ApiChargeRecord; replayed: boolean }> {
    const key = command.idempotencyKey;
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw new RecurringException(
        'RECURRING_IDEMPOTENCY_KEY_INVALID',
        'Send an Idempotency-Key header (1 to 255 printable characters) naming this charge; retry with the same key',
        'Idempotency-Key',
      );
    }
    if (!Currency.isValid(command.currency)) throw new RecurringException('RECURRING_CHARGE_INVALID', `"${command.currency}" is not an ISO 4217 currency`, 'currency');
    if (!(await this.shops.find(command.shopId))) {
      throw new RecurringException('RECURRING_SHOP_NOT_FOUND', `Shop ${command.shopId} is not set up for recurring billing; ask Kessai to enable it`);
    }
    const member = await this.members.findForCharge(command.shopId, command.memberId);
    if (!member) throw new RecurringException('RECURRING_CHARGE_INVALID', `unknown member "${command.memberId}": register it first (PUT /recurring/members/{memberId})`, 'memberId');
    const cardRef = command.cardRef ?? member.cardRef;
    if (!cardRef) throw new RecurringException('RECURRING_CHARGE_INVALID', `member "${command.memberId}" has no card registered: send cardRef`, 'cardRef');

    const now = this.clock.now();
    const wanted = {
      chargeKey: apiCallChargeKey(command.shopId, key),
      shopId: command.shopId,
      cycle: Cycle.containing(now).toString(),
      memberUuid: member.id,
      cardRef,
      amount: command.amount,
      currency: command.currency,
      chargeDate: new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10),
    };
    const stored = await this.dataSource.transaction((transaction) => this.apiCharges.insertOrLock(transaction, wanted));
    if (stored.memberId !== command.memberId || stored.cardRef !== cardRef || stored.amount !== command.amount || stored.currency !== command.currency) {
      throw new RecurringException(
        'RECURRING_IDEMPOTENCY_KEY_CONFLICT',
        `Idempotency-Key "${key}" was used for another charge (member ${stored.memberId}, ${stored.amount} ${stored.currency}); use a new key for a new charge`,
        'Idempotency-Key',
      );
    }
    if (stored.status !== 'pending') return { charge: stored, replayed: true };

    // The row lock makes a concurrent call with the same key wait here and then answer this call's outcome.
    return this.dataSource.transaction(async (transaction) => {
      const charge = await this.apiCharges.insertOrLock(transaction, wanted);
      if (charge.status !== 'pending') return { charge, replayed: true };
      const answer = await this.processor.authorize({ merchantId: charge.shopId, cardId: charge.cardRef, amount: charge.amount, currency: charge.currency, idempotencyKey: charge.chargeKey });
      const outcome = outcomeOf(charge, answer);
      if (!outcome) {
        throw new RecurringException(
          'RECURRING_PROCESSOR_UNAVAILABLE',
          `The processor could not answer (${answer.kind === 'unavailable' ? answer.code : ''}); nothing was charged yet: retry with the same Idempotency-Key`,
        );
      }
      const moved = await this.charges.applyAuthorizationOutcomes(transaction, [outcome]);
      if (moved.length === 1) await this.announce(transaction, charge, outcome);
      return { charge: (await this.apiCharges.findOfShop(transaction, charge.shopId, charge.id)) as ApiChargeRecord, replayed: false };
    });
  }

  private async announce(transaction: EntityManager, charge: ApiChargeRecord, outcome: AuthorizationOutcome): Promise<void> {
    const fields = { chargeKey: charge.chargeKey, cycle: charge.cycle, cardRef: charge.cardRef, amount: charge.amount, currency: charge.currency };
    if (outcome.status === 'authorized') {
      const payload = Object.assign(new ChargeAuthorizedV1Payload(), fields, { authorizationId: outcome.authorizationId as string, floorLimit: false });
      await this.outbox.add(transaction, ChargeAuthorizedV1, { merchantId: charge.shopId, payload });
    } else {
      await this.outbox.add(transaction, ChargeDeclinedV1, {
        merchantId: charge.shopId,
        payload: Object.assign(new ChargeDeclinedV1Payload(), fields, { declineCode: outcome.declineCode as string }),
      });
    }
  }
}

/** API charges are always authorized (never under the floor limit); a challenge cannot be met without the cardholder. */
function outcomeOf(charge: ApiChargeRecord, answer: SingleAuthorizationAnswer): AuthorizationOutcome | null {
  if (answer.kind === 'unavailable') return null;
  if (answer.kind === 'refused') return { id: charge.id, status: 'declined', authorizationId: null, declineCode: answer.code, floorLimit: false };
  if (answer.response.status === 'approved') {
    return { id: charge.id, status: 'authorized', authorizationId: answer.response.authorizationId, declineCode: null, floorLimit: false };
  }
  return { id: charge.id, status: 'declined', authorizationId: null, declineCode: answer.response.reasonCode, floorLimit: false };
}
