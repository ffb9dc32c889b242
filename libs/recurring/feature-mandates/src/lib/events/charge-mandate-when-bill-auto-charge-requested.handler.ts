import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillAutoChargeRequestedV1Payload } from '@kessai/billing-contracts';
import { BillChargeAuthorizedV1, BillChargeAuthorizedV1Payload, BillChargeDeclinedV1, BillChargeDeclinedV1Payload } from '@kessai/recurring-contracts';
import { BillChargeRepository } from '@kessai/recurring-data-access';
import { Cycle } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { failpoint } from '@kessai/shared-failpoints';
import { EventHandler, OutboxWriter, UnprocessableEventError } from '@kessai/shared-messaging';
import { MandateAuthorizationsClient } from '../processor/mandate-authorizations.client';
import { MandateChargeScreening } from '../screening/mandate-charge-screening';

/** The charge of a bill: its unique key in `charge` and the idempotency key the processor sees. */
export function billChargeKey(billId: string): string {
  return `bill:${billId}`;
}

/**
 * Billing asks for a bill to be charged to its customer's mandate: credit screening is asked first when the
 * merchant has screening on, then the mandate's card is authorized with the bill's charge key as idempotency
 * key, and the outcome is recorded and published in the consumer's transaction. A redelivery (also after a kill -9 between the processor's answer and the commit) asks the
 * processor again with the same key and gets the same authorization back: the card is charged once.
 */
@Injectable()
export class ChargeMandateWhenBillAutoChargeRequestedHandler implements EventHandler<BillAutoChargeRequestedV1Payload> {
  private readonly logger = new Logger(ChargeMandateWhenBillAutoChargeRequestedHandler.name);

  constructor(
    private readonly charges: BillChargeRepository,
    private readonly processor: MandateAuthorizationsClient,
    private readonly screening: MandateChargeScreening,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<BillAutoChargeRequestedV1Payload>, transaction: EntityManager): Promise<void> {
    const { billId, mandateId, amount, currency } = event.payload;
    const shopId = event.merchantId;
    const key = billChargeKey(billId);
    if (await this.charges.find(transaction, key)) {
      this.logger.log(`bill ${billId} was charged before (${key}); nothing changes`);
      return;
    }
    const mandate = await this.charges.cardOfMandate(transaction, shopId, mandateId);
    if (!mandate || mandate.revoked) {
      const declineCode = mandate ? 'MANDATE_REVOKED' : 'MANDATE_NOT_FOUND';
      this.logger.warn(`bill ${billId}: mandate ${mandateId} of shop ${shopId}: ${declineCode}; billing sends the payment link`);
      await this.publishDeclined(transaction, shopId, { billId, mandateId, chargeKey: key, declineCode });
      return;
    }
    const { cardRef } = mandate;
    const verdict = await this.screening.check(shopId, { chargeKey: key, amount, currency, cardRef, customerPhone: mandate.customerPhone });
    if (verdict.screenedOut) {
      await this.record(transaction, shopId, { key, cardRef, amount, currency, status: 'declined', authorizationId: null, declineCode: verdict.declineCode });
      await this.publishDeclined(transaction, shopId, { billId, mandateId, chargeKey: key, declineCode: verdict.declineCode });
      return;
    }
    const answer = await this.processor.authorize({ merchantId: shopId, cardId: cardRef, amount, currency, idempotencyKey: key });
    failpoint('recurring.bill-charge.after-processor-answer');
    if (!answer.ok) {
      if (answer.status === 404) {
        await this.record(transaction, shopId, { key, cardRef, amount, currency, status: 'declined', authorizationId: null, declineCode: answer.code });
        await this.publishDeclined(transaction, shopId, { billId, mandateId, chargeKey: key, declineCode: answer.code });
        return;
      }
      if (answer.status === 409) throw new UnprocessableEventError(`bill ${billId}: ${answer.code} ${answer.message}`);
      // Outage or timeout: nothing was recorded at the processor; the consumer retries with the same key.
      throw new Error(`processor answered ${answer.status} ${answer.code} for ${key}: ${answer.message}`);
    }
    const authorization = answer.body;
    // No cardholder is present to pass a 3-D Secure challenge: the bill falls back to its payment link.
    if (authorization.status !== 'approved') {
      const declineCode = authorization.reasonCode || authorization.status;
      await this.record(transaction, shopId, { key, cardRef, amount, currency, status: 'declined', authorizationId: null, declineCode });
      await this.publishDeclined(transaction, shopId, { billId, mandateId, chargeKey: key, declineCode });
      return;
    }
    const recorded = await this.record(transaction, shopId, { key, cardRef, amount, currency, status: 'authorized', authorizationId: authorization.authorizationId, declineCode: null });
    if (!recorded) return;
    await this.outbox.add(transaction, BillChargeAuthorizedV1, {
      merchantId: shopId,
      payload: Object.assign(new BillChargeAuthorizedV1Payload(), {
        billId,
        mandateId,
        chargeKey: key,
        authorizationId: authorization.authorizationId,
        amount,
        currency,
        authorizedAt: this.clock.now().toISOString(),
      }),
    });
  }

  private async record(
    transaction: EntityManager,
    shopId: string,
    charge: { key: string; cardRef: string; amount: number; currency: string; status: 'authorized' | 'declined'; authorizationId: string | null; declineCode: string | null },
  ): Promise<boolean> {
    const now = this.clock.now();
    const cycle = Cycle.containing(now).toString();
    return this.charges.insertIfAbsent(transaction, {
      chargeKey: charge.key,
      shopId,
      cycle,
      cardRef: charge.cardRef,
      amount: charge.amount,
      currency: charge.currency,
      chargeDate: new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10),
      status: charge.status,
      authorizationId: charge.authorizationId,
      declineCode: charge.declineCode,
    });
  }

  private async publishDeclined(transaction: EntityManager, shopId: string, declined: { billId: string; mandateId: string; chargeKey: string; declineCode: string }): Promise<void> {
    await this.outbox.add(transaction, BillChargeDeclinedV1, {
      merchantId: shopId,
      payload: Object.assign(new BillChargeDeclinedV1Payload(), { ...declined, declineCode: declined.declineCode.slice(0, 64), declinedAt: this.clock.now().toISOString() }),
    });
  }
}
