import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillAutoChargeRefusedV1Payload } from '@kessai/billing-contracts';
import { BillChargeRepository } from '@kessai/recurring-data-access';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler, UnprocessableEventError } from '@kessai/shared-messaging';
import { MandateAuthorizationsClient } from '../processor/mandate-authorizations.client';

/**
 * Billing refused the money of a bill charged to its mandate (the bill was canceled, expired or paid otherwise
 * while the charge was under way): the authorization is released at the processor and the charge canceled, so
 * no sales-confirmation file captures it. The charge row is locked meanwhile: a capture file prepared at the
 * same moment either took it before (then the processor refuses the release, and an operator refunds the sale
 * from the dead letter) or does not see it any more. A redelivery releases nothing twice.
 */
@Injectable()
export class ReleaseBillChargeWhenAutoChargeRefusedHandler implements EventHandler<BillAutoChargeRefusedV1Payload> {
  private readonly logger = new Logger(ReleaseBillChargeWhenAutoChargeRefusedHandler.name);

  constructor(
    private readonly charges: BillChargeRepository,
    private readonly processor: MandateAuthorizationsClient,
  ) {}

  async handle(event: EventEnvelope<BillAutoChargeRefusedV1Payload>, transaction: EntityManager): Promise<void> {
    const { billId, chargeKey, authorizationId, reason } = event.payload;
    const charge = await this.charges.lock(transaction, event.merchantId, chargeKey);
    if (!charge || charge.authorizationId !== authorizationId) {
      throw new UnprocessableEventError(`bill ${billId}: shop ${event.merchantId} has no charge ${chargeKey} with authorization ${authorizationId}`);
    }
    if (charge.status === 'canceled') return;
    if (charge.status !== 'authorized') {
      throw new UnprocessableEventError(`bill ${billId}: charge ${chargeKey} is ${charge.status}, its authorization cannot be released; refund the sale (${reason})`);
    }
    const answer = await this.processor.cancel(event.merchantId, authorizationId);
    if (!answer.ok) {
      if (answer.status >= 500) throw new Error(`processor answered ${answer.status} ${answer.code} releasing ${authorizationId}: ${answer.message}`);
      throw new UnprocessableEventError(`bill ${billId}: the processor refused to release ${authorizationId} (${answer.code}: ${answer.message}); refund the sale`);
    }
    await this.charges.markCanceled(transaction, chargeKey);
    this.logger.log(`bill ${billId}: authorization ${authorizationId} released, charge ${chargeKey} canceled (${reason})`);
  }
}
