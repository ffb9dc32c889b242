import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KonbiniSlipResponse } from '@kessai/processor-contracts';
import { KonbiniPaymentEntity, WebhookOutbox } from '@kessai/processor-data-access';
import { canPayAt, ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';
import { toKonbiniSlipResponse } from '../../konbini-slip.response';

@Controller('v1/konbini/payments')
export class PayKonbiniSlipHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  @Get(':paymentId')
  async get(@Param('paymentId', new ParseUUIDPipe()) paymentId: string): Promise<KonbiniSlipResponse> {
    const payment = await this.dataSource.getRepository(KonbiniPaymentEntity).findOneBy({ id: paymentId });
    if (!payment) throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_FOUND', `No konbini payment ${paymentId}`, 'paymentId');
    return toKonbiniSlipResponse(payment);
  }

  /** "Pay at the store": what the store terminal does when the customer pays the slip; sends konbini.paid. */
  @Post(':paymentId/pay')
  @HttpCode(HttpStatus.OK)
  async pay(@Param('paymentId', new ParseUUIDPipe()) paymentId: string): Promise<KonbiniSlipResponse> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (transaction) => {
      const payment = await transaction.findOne(KonbiniPaymentEntity, { where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
      if (!payment) throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_FOUND', `No konbini payment ${paymentId}`, 'paymentId');
      const verdict = canPayAt(payment.status, payment.deadline, now);
      if (verdict === 'expired') throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_EXPIRED', `The slip expired at ${payment.deadline.toISOString()}`, 'paymentId');
      if (verdict === 'already_paid') throw new ProcessorException('PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED', 'This slip is paid already', 'paymentId');
      const paid = { ...payment, status: 'paid' as const, paidAt: now };
      await transaction.update(KonbiniPaymentEntity, { id: paymentId }, { status: 'paid', paidAt: now });
      const slip = toKonbiniSlipResponse(paid);
      await this.webhooks.add(transaction, 'konbini.paid', payment.merchantId, { ...slip }, now);
      return slip;
    });
  }
}
