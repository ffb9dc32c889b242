import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WalletPaymentRepository } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { DecideWalletPaymentCommand, WalletDecision } from './decide-wallet-payment.command';
import { DecideWalletPaymentHandler } from './decide-wallet-payment.handler';

/** The wallet app's screen, as a page: the customer approves or cancels, then returns to the merchant. */
@Controller('v1/wallet/payments')
export class WalletApprovalPageHttpController {
  constructor(
    private readonly payments: WalletPaymentRepository,
    private readonly handler: DecideWalletPaymentHandler,
  ) {}

  @Get(':paymentId/approve')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Param('paymentId', new ParseUUIDPipe()) paymentId: string): Promise<string> {
    const payment = await this.payments.find(paymentId);
    if (!payment) throw new ProcessorException('PROCESSOR_WALLET_PAYMENT_NOT_FOUND', `No wallet payment ${paymentId}`, 'paymentId');
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

  /** Sends the customer back to the merchant (303) once the choice is recorded. */
  private async decide(paymentId: string, decision: WalletDecision, response: Response): Promise<void> {
    const { returnTo } = await this.handler.execute(new DecideWalletPaymentCommand(paymentId, decision));
    response.redirect(303, returnTo);
  }
}
