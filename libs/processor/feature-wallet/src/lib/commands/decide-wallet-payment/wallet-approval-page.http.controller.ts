import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { WalletPaymentEntity, WebhookOutbox } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { Clock } from '@kessai/shared-clock';

/** The wallet app's screen, as a page: the customer approves or cancels, then returns to the merchant. */
@Controller('v1/wallet/payments')
export class WalletApprovalPageHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  @Get(':paymentId/approve')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Param('paymentId', new ParseUUIDPipe()) paymentId: string): Promise<string> {
    const payment = await this.find(paymentId);
    const actions =
      payment.status === 'pending'
        ? `<form method="post" action="approve"><button id="approve">Approve</button></form><form method="post" action="cancel"><button id="cancel">Cancel</button></form>`
        : `<p id="result">This payment is ${payment.status}.</p>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>QR wallet</title></head><body><h1>Pay ${payment.amount} ${payment.currency}</h1>${actions}</body></html>`;
  }

  @Post(':paymentId/approve')
  approve(@Param('paymentId', new ParseUUIDPipe()) paymentId: string, @Res() response: Response): Promise<void> {
    return this.decide(paymentId, 'approved', response);
  }

  @Post(':paymentId/cancel')
  cancel(@Param('paymentId', new ParseUUIDPipe()) paymentId: string, @Res() response: Response): Promise<void> {
    return this.decide(paymentId, 'canceled', response);
  }

  /** Records the customer's choice once, queues wallet.approved or wallet.canceled and redirects back. */
  private async decide(paymentId: string, status: 'approved' | 'canceled', response: Response): Promise<void> {
    const now = this.clock.now();
    const payment = await this.dataSource.transaction(async (transaction) => {
      const found = await transaction.findOne(WalletPaymentEntity, { where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new ProcessorException('PROCESSOR_WALLET_PAYMENT_NOT_FOUND', `No wallet payment ${paymentId}`, 'paymentId');
      if (found.status !== 'pending') throw new ProcessorException('PROCESSOR_WALLET_PAYMENT_NOT_ALLOWED', `This payment is ${found.status} already`, 'paymentId');
      await transaction.update(WalletPaymentEntity, { id: paymentId }, { status, decidedAt: now });
      await this.webhooks.add(transaction, status === 'approved' ? 'wallet.approved' : 'wallet.canceled', found.merchantId, {
        paymentId,
        amount: found.amount,
        currency: found.currency,
        status,
      }, now);
      return found;
    });
    const back = new URL(payment.returnUrl);
    back.searchParams.set('paymentId', paymentId);
    back.searchParams.set('status', status);
    response.redirect(303, back.toString());
  }

  private async find(paymentId: string): Promise<WalletPaymentEntity> {
    const payment = await this.dataSource.getRepository(WalletPaymentEntity).findOneBy({ id: paymentId });
    if (!payment) throw new ProcessorException('PROCESSOR_WALLET_PAYMENT_NOT_FOUND', `No wallet payment ${paymentId}`, 'paymentId');
    return payment;
  }
}
