import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KonbiniPaymentEntity, KonbiniPaymentRepository, WebhookOutbox } from '@kessai/processor-data-access';
import { canPayAt, ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';
import { PayKonbiniSlipCommand } from './pay-konbini-slip.command';

@Injectable()
export class PayKonbiniSlipHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: KonbiniPaymentRepository,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  /** The customer pays the slip at the store before its deadline: paid, and konbini.paid is queued. */
  async execute(command: PayKonbiniSlipCommand): Promise<KonbiniPaymentEntity> {
    const { paymentId } = command;
    const now = this.clock.now();
    return this.dataSource.transaction(async (transaction) => {
      const payment = await this.payments.findForUpdate(transaction, paymentId);
      if (!payment) throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_FOUND', `No konbini payment ${paymentId}`, 'paymentId');
      const verdict = canPayAt(payment.status, payment.deadline, now);
      if (verdict === 'expired') throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_EXPIRED', `The slip expired at ${payment.deadline.toISOString()}`, 'paymentId');
      if (verdict === 'already_paid') throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED', 'This slip is paid already', 'paymentId');
      const paid = { ...payment, status: 'paid' as const, paidAt: now };
      await this.payments.update(transaction, paymentId, { status: 'paid', paidAt: now });
      await this.webhooks.add(transaction, 'konbini.paid', payment.merchantId, { ...toKonbiniSlipResponse(paid) }, now);
      return paid;
    });
  }
}
