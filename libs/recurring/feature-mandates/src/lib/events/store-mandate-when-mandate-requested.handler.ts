import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MandateRequestedV1Payload } from '@kessai/payment-contracts';
import { MandateCreatedV1, MandateCreatedV1Payload } from '@kessai/recurring-contracts';
import { MandateRepository } from '@kessai/recurring-data-access';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler, OutboxWriter } from '@kessai/shared-messaging';

/**
 * A customer opted in to pay automatically: the mandate is stored once per request id (a redelivered or
 * republished request changes nothing) and becomes a source of charges for later cycles.
 */
@Injectable()
export class StoreMandateWhenMandateRequestedHandler implements EventHandler<MandateRequestedV1Payload> {
  private readonly logger = new Logger(StoreMandateWhenMandateRequestedHandler.name);

  constructor(
    private readonly mandates: MandateRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(event: EventEnvelope<MandateRequestedV1Payload>, transaction: EntityManager): Promise<void> {
    const request = event.payload;
    const stored = await this.mandates.insertIfAbsent(transaction, {
      mandateRequestId: request.mandateRequestId,
      shopId: event.merchantId,
      customerPhone: request.customerPhone,
      cardRef: request.cardRef,
      billId: request.billId,
      amount: request.amount ?? null,
      currency: request.currency,
      consentedAt: request.consentedAt,
    });
    if (!stored) {
      this.logger.log(`mandate request ${request.mandateRequestId} was stored before; nothing changes`);
      return;
    }
    await this.outbox.add(transaction, MandateCreatedV1, {
      merchantId: event.merchantId,
      payload: Object.assign(new MandateCreatedV1Payload(), {
        mandateRequestId: request.mandateRequestId,
        cardRef: request.cardRef,
        billId: request.billId,
        consentedAt: request.consentedAt,
        customerPhone: request.customerPhone,
      }),
    });
  }
}
