import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentAttemptEntity, PaymentPageEntity } from '@kessai/payment-data-access';
import { PaymentOutcomes } from '../../outcomes/payment-outcomes';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../../payment-pages.options';
import { ProcessorClient } from '../../processor/processor.client';
import { PaymentAttempts } from '../payment-attempts';

/** QR wallet: the customer approves in the wallet (its page), which sends them back; the webhook says the outcome. */
@Injectable()
export class StartWalletPaymentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: PaymentAttempts,
    private readonly processor: ProcessorClient,
    private readonly outcomes: PaymentOutcomes,
    @Inject(PAYMENT_PAGES_OPTIONS) private readonly options: PaymentPagesOptions,
  ) {}

  async execute(page: PaymentPageEntity, attemptKey: string, token: string): Promise<PaymentAttemptEntity> {
    const { attempt, first } = await this.attempts.begin(page, attemptKey, 'wallet');
    if (!first) return attempt;
    const started = await this.processor.startWalletPayment({
      merchantId: page.merchantId,
      amount: page.amount,
      currency: page.currency,
      returnUrl: `${this.options.publicUrl}/p/${token}/wallet/return`,
      idempotencyKey: attempt.id,
    });
    if (!started.ok) {
      await this.dataSource.transaction((transaction) => this.outcomes.failed(transaction, attempt, 'processor_unavailable'));
      return attempt;
    }
    await this.attempts.update(attempt, { status: 'redirected', processorRef: started.body.paymentId, redirectUrl: started.body.redirectUrl });
    return attempt;
  }
}
