import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMandateRepository } from '@kessai/billing-data-access';
import { MandateRevokedV1Payload } from '@kessai/recurring-contracts';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';

/**
 * The recurring engine ended a customer's mandate (the merchant revoked it, or its card account closed): billing
 * stops charging the customer's bills to it, and their next bills get a payment link again.
 */
@Injectable()
export class ForgetCustomerMandateWhenMandateRevokedHandler implements EventHandler<MandateRevokedV1Payload> {
  private readonly logger = new Logger(ForgetCustomerMandateWhenMandateRevokedHandler.name);

  constructor(private readonly mandates: CustomerMandateRepository) {}

  async handle(event: EventEnvelope<MandateRevokedV1Payload>, transaction: EntityManager): Promise<void> {
    const { mandateRequestId, reason, revokedAt } = event.payload;
    const first = await this.mandates.revoke(transaction, { merchantId: event.merchantId, mandateId: mandateRequestId, reason, revokedAt: new Date(revokedAt) });
    if (first) this.logger.log(`mandate ${mandateRequestId} of ${event.merchantId} ended (${reason}): later bills of its customer get a payment link`);
  }
}
