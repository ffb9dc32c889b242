import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PaymentLinkPages } from '../../web/payment-link-pages';
import { PaymentAttempts } from '../payment-attempts';
import { PaymentFormGuard } from '../payment-form.guard';
import { StartWalletPaymentHandler } from './start-wallet-payment.handler';

/** `POST /p/:token/wallet` sends the customer to the wallet's approve page; it sends them back to `/wallet/return`. */
@Controller('p')
export class StartWalletPaymentHttpController {
  constructor(
    private readonly form: PaymentFormGuard,
    private readonly pages: PaymentLinkPages,
    private readonly attempts: PaymentAttempts,
    private readonly handler: StartWalletPaymentHandler,
  ) {}

  @Post(':token/wallet')
  async start(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.pages.send(response, await this.renderStart(token, request, response));
  }

  private async renderStart(token: string, request: Request, response: Response): Promise<string> {
    const checked = await this.form.check(token, request, response);
    if (!checked.ok) return checked.html;
    const attempt = await this.handler.execute(checked.page, checked.attemptKey, token);
    this.pages.redirect(response, attempt.status === 'redirected' && attempt.redirectUrl ? attempt.redirectUrl : this.pages.attemptUrl(token, attempt.id));
    return '';
  }

  /** The wallet's return: the outcome itself comes by signed webhook, never from these query parameters. */
  @Get(':token/wallet/return')
  async back(@Param('token') token: string, @Query('paymentId') paymentId: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.pages.send(response, await this.renderBack(token, paymentId, request, response));
  }

  private async renderBack(token: string, paymentId: unknown, request: Request, response: Response): Promise<string> {
    const page = await this.pages.find(token);
    const attempt = page && typeof paymentId === 'string' ? await this.attempts.findByProcessorRef('wallet', paymentId) : null;
    if (!page || !attempt || attempt.billId !== page.billId) return this.pages.notFound(request, response);
    this.pages.redirect(response, this.pages.attemptUrl(token, attempt.id));
    return '';
  }
}
