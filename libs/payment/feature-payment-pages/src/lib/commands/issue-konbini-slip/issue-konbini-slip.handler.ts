import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentAttemptEntity, PaymentPageEntity } from '@kessai/payment-data-access';
import { konbiniDeadline } from '@kessai/payment-domain';
import { PaymentOutcomes } from '../../outcomes/payment-outcomes';
import { ProcessorClient } from '../../processor/processor.client';
import { PaymentAttempts } from '../payment-attempts';

/** Konbini: the processor issues a slip the customer pays at the store till; its webhook says when it is paid. */
@Injectable()
export class IssueKonbiniSlipHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: PaymentAttempts,
    private readonly processor: ProcessorClient,
    private readonly outcomes: PaymentOutcomes,
  ) {}

  async execute(page: PaymentPageEntity, attemptKey: string, chain: string): Promise<PaymentAttemptEntity> {
    const { attempt, first } = await this.attempts.begin(page, attemptKey, 'konbini');
    if (!first) return attempt;
    const slip = await this.processor.issueKonbiniSlip({
      merchantId: page.merchantId,
      amount: page.amount,
      currency: page.currency,
      chain,
      deadline: konbiniDeadline(page.dueDate, page.linkExpiresAt).toISOString(),
      idempotencyKey: attempt.id,
    });
    if (!slip.ok) {
      await this.dataSource.transaction((transaction) => this.outcomes.failed(transaction, attempt, slip.status >= 500 ? 'processor_unavailable' : 'konbini_slip_refused'));
      return attempt;
    }
    const { paymentId, receiptNumber, confirmationNumber, deadline } = slip.body;
    await this.attempts.update(attempt, {
      status: 'awaiting-store-payment',
      processorRef: paymentId,
      konbiniSlip: { chain: slip.body.chain, receiptNumber, confirmationNumber, deadline },
    });
    return attempt;
  }
}
