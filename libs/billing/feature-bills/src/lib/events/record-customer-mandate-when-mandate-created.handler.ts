import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMandateRepository } from '@kessai/billing-data-access';
import { normalizeJapaneseMobileNumber } from '@kessai/billing-domain';
import { MandateCreatedV1Payload } from '@kessai/recurring-contracts';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';

/**
 * The recurring engine stored a customer's mandate: billing remembers it (its own projection, no reading of the
 * engine's tables), so the customer's later bills are charged automatically instead of getting a link.
 */
@Injectable()
export class RecordCustomerMandateWhenMandateCreatedHandler implements EventHandler<MandateCreatedV1Payload> {
  private readonly logger = new Logger(RecordCustomerMandateWhenMandateCreatedHandler.name);

  constructor(
    private readonly mandates: CustomerMandateRepository,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<MandateCreatedV1Payload>, transaction: EntityManager): Promise<void> {
    const { mandateRequestId, customerPhone, consentedAt } = event.payload;
    // Mandates published before the event carried the customer cannot be matched to later bills.
    if (!customerPhone) {
      this.logger.warn(`mandate ${mandateRequestId} names no customer phone; later bills of its customer get a payment link`);
      return;
    }
    await this.mandates.record(
      transaction,
      { merchantId: event.merchantId, customerPhone: normalizeJapaneseMobileNumber(customerPhone), mandateId: mandateRequestId, consentedAt: new Date(consentedAt) },
      this.clock.now(),
    );
  }
}
