import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PaymentLinkPages } from '../../web/payment-link-pages';
import { PaymentFormGuard } from '../payment-form.guard';
import { PayByCardHandler } from './pay-by-card.handler';

const CARD_TOKEN = /^[\w-]{8,128}$/;

/** `POST /p/:token/card`: the card form posts only the processor's one-time token (the card fields have no name). */
@Controller('p')
export class PayByCardHttpController {
  constructor(
    private readonly form: PaymentFormGuard,
    private readonly pages: PaymentLinkPages,
    private readonly handler: PayByCardHandler,
  ) {}

  @Post(':token/card')
  async pay(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.pages.send(response, await this.renderPay(token, request, response));
  }

  private async renderPay(token: string, request: Request, response: Response): Promise<string> {
    const checked = await this.form.check(token, request, response);
    if (!checked.ok) return checked.html;
    const body = request.body as Record<string, unknown>;
    const cardToken = body['cardToken'];
    if (typeof cardToken !== 'string' || !CARD_TOKEN.test(cardToken)) {
      this.pages.redirect(response, `/p/${token}`);
      return '';
    }
    const result = await this.handler.execute({
      page: checked.page,
      attemptKey: checked.attemptKey,
      cardToken,
      saveCard: body['saveCard'] === 'yes',
      customerIp: request.ip?.replace(/^::ffff:/, ''),
    });
    this.pages.redirect(response, result.redirectTo === 'attempt' ? this.pages.attemptUrl(token, result.attempt.id) : result.redirectTo);
    return '';
  }
}
