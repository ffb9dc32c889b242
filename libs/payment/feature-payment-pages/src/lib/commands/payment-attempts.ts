import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { PaymentAttemptEntity, PaymentAttemptMethod, PaymentPageEntity } from '@kessai/payment-data-access';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';

const ATTEMPT_KEY = /^[\w-]{8,64}$/;

/**
 * Starts a payment attempt for one submit of a payment form. The form's attempt key is unique per bill: a
 * second submit of the same form (double click, reload) finds the first attempt instead of paying again.
 */
@Injectable()
export class PaymentAttempts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  isAttemptKey(value: unknown): value is string {
    return typeof value === 'string' && ATTEMPT_KEY.test(value);
  }

  async begin(
    page: PaymentPageEntity,
    attemptKey: string,
    method: PaymentAttemptMethod,
    extra: Partial<PaymentAttemptEntity> = {},
  ): Promise<{ attempt: PaymentAttemptEntity; first: boolean }> {
    const now = this.clock.now();
    const attempt: PaymentAttemptEntity = {
      id: newId(),
      billId: page.billId,
      merchantId: page.merchantId,
      attemptKey,
      method,
      status: 'pending',
      amount: page.amount,
      currency: page.currency,
      cardRef: null,
      cardBrand: null,
      cardLast4: null,
      saveCard: false,
      processorRef: null,
      reasonCode: null,
      redirectUrl: null,
      konbiniSlip: null,
      createdAt: now,
      updatedAt: now,
      ...extra,
    };
    try {
      await this.dataSource.getRepository(PaymentAttemptEntity).insert(attempt);
      return { attempt, first: true };
    } catch (error) {
      if (!(error instanceof QueryFailedError) || (error.driverError as { constraint?: string }).constraint !== 'payment_attempt_key') throw error;
      const existing = await this.dataSource.getRepository(PaymentAttemptEntity).findOneByOrFail({ billId: page.billId, attemptKey });
      return { attempt: existing, first: false };
    }
  }

  async update(attempt: PaymentAttemptEntity, changes: Partial<PaymentAttemptEntity>): Promise<void> {
    Object.assign(attempt, changes);
    await this.dataSource.getRepository(PaymentAttemptEntity).update({ id: attempt.id }, { ...changes, updatedAt: this.clock.now() });
  }

  find(billId: string, attemptId: string): Promise<PaymentAttemptEntity | null> {
    return this.dataSource.getRepository(PaymentAttemptEntity).findOneBy({ billId, id: attemptId });
  }

  findByProcessorRef(method: PaymentAttemptMethod, processorRef: string): Promise<PaymentAttemptEntity | null> {
    return this.dataSource.getRepository(PaymentAttemptEntity).findOneBy({ method, processorRef });
  }
}
