import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { MandateRequestedV1, PaymentAuthorizedV1, PaymentCapturedV1, PaymentFailedV1 } from '@kessai/payment-contracts';
import { PaymentAttemptEntity, PaymentAttemptStatus, PaymentPageEntity } from '@kessai/payment-data-access';
import { Clock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';

const OPEN: PaymentAttemptStatus[] = ['pending', 'challenge-required', 'redirected', 'awaiting-store-payment'];

/**
 * The end states of a payment attempt, each with its event, in the caller's transaction. Each applies only to
 * an attempt still open, so the synchronous answer, a status check and a (redelivered) webhook can race and
 * the outcome is recorded and published once.
 */
@Injectable()
export class PaymentOutcomes {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** Card or wallet authorized: the bill is paid (billing listens), and a card consent becomes a mandate request. */
  async authorized(transaction: EntityManager, attempt: PaymentAttemptEntity, changes: Partial<PaymentAttemptEntity> = {}): Promise<boolean> {
    if (!(await this.close(transaction, attempt, 'authorized', changes))) return false;
    const page = await this.markPagePaid(transaction, attempt.billId);
    const now = this.clock.now().toISOString();
    const cardRef = changes.cardRef ?? attempt.cardRef ?? undefined;
    await this.outbox.add(transaction, PaymentAuthorizedV1, {
      merchantId: attempt.merchantId,
      payload: {
        paymentId: attempt.id,
        billId: attempt.billId,
        amount: attempt.amount,
        currency: attempt.currency,
        paymentMethod: attempt.method,
        cardRef,
        phone: page?.customerPhone ?? undefined,
        authorizedAt: now,
      },
    });
    if (attempt.method === 'card' && attempt.saveCard && cardRef && page?.customerPhone) {
      await this.outbox.add(transaction, MandateRequestedV1, {
        merchantId: attempt.merchantId,
        payload: {
          mandateRequestId: attempt.id,
          customerPhone: page.customerPhone,
          cardRef,
          billId: attempt.billId,
          amount: attempt.amount,
          currency: attempt.currency,
          consentedAt: now,
        },
      });
    }
    return true;
  }

  /** Konbini paid at the store: the money is secured. */
  async captured(transaction: EntityManager, attempt: PaymentAttemptEntity): Promise<boolean> {
    if (!(await this.close(transaction, attempt, 'captured', {}))) return false;
    await this.markPagePaid(transaction, attempt.billId);
    await this.outbox.add(transaction, PaymentCapturedV1, {
      merchantId: attempt.merchantId,
      payload: {
        paymentId: attempt.id,
        billId: attempt.billId,
        paymentMethod: attempt.method,
        amount: attempt.amount,
        currency: attempt.currency,
        capturedAt: this.clock.now().toISOString(),
      },
    });
    return true;
  }

  async failed(transaction: EntityManager, attempt: PaymentAttemptEntity, reasonCode: string, changes: Partial<PaymentAttemptEntity> = {}): Promise<boolean> {
    if (!(await this.close(transaction, attempt, 'failed', { ...changes, reasonCode }))) return false;
    await this.outbox.add(transaction, PaymentFailedV1, {
      merchantId: attempt.merchantId,
      payload: { paymentId: attempt.id, billId: attempt.billId, paymentMethod: attempt.method, reasonCode, failedAt: this.clock.now().toISOString() },
    });
    return true;
  }

  private async close(transaction: EntityManager, attempt: PaymentAttemptEntity, status: PaymentAttemptStatus, changes: Partial<PaymentAttemptEntity>): Promise<boolean> {
    const result = await transaction.update(
      PaymentAttemptEntity,
      { id: attempt.id, status: In(OPEN) },
      { ...changes, status, updatedAt: this.clock.now() },
    );
    if (!result.affected) return false;
    Object.assign(attempt, changes, { status });
    return true;
  }

  private async markPagePaid(transaction: EntityManager, billId: string): Promise<PaymentPageEntity | null> {
    await transaction.update(PaymentPageEntity, { billId }, { status: 'paid', closedAt: this.clock.now() });
    return transaction.findOneBy(PaymentPageEntity, { billId });
  }
}
