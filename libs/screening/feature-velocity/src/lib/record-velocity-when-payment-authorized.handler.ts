import { Injectable } from '@nestjs/common';
import { PaymentAuthorizedV1Payload } from '@kessai/payment-contracts';
import { Clock } from '@kessai/shared-clock';
import { EventEnvelope } from '@kessai/shared-contracts';
import { EventHandler } from '@kessai/shared-messaging';
import { VelocityStore } from './velocity.store';

/**
 * Keeps velocity current from the payment events. Its effect is in Redis, not in the consumer's transaction,
 * so the store deduplicates by event id itself: a redelivered event is not counted twice.
 */
@Injectable()
export class RecordVelocityWhenPaymentAuthorizedHandler implements EventHandler<PaymentAuthorizedV1Payload> {
  constructor(
    private readonly velocity: VelocityStore,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<PaymentAuthorizedV1Payload>): Promise<void> {
    const payment = event.payload;
    await this.velocity.record(
      event.eventId,
      { card: payment.cardRef, phone: payment.phone, email: payment.email, ip: payment.ip, device: payment.deviceId },
      new Date(payment.authorizedAt),
      payment.amount,
      this.clock.now(),
    );
  }
}
