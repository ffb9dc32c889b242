import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { KONBINI_CHAIN_NAMES } from '@kessai/payment-domain';
import { PaymentLinkPages } from '../../web/payment-link-pages';
import { PaymentFormGuard } from '../payment-form.guard';
import { IssueKonbiniSlipHandler } from './issue-konbini-slip.handler';

/** `POST /p/:token/konbini`: issues the slip, then shows it (receipt number, confirmation number, barcode). */
@Controller('p')
export class IssueKonbiniSlipHttpController {
  constructor(
    private readonly form: PaymentFormGuard,
    private readonly pages: PaymentLinkPages,
    private readonly handler: IssueKonbiniSlipHandler,
  ) {}

  @Post(':token/konbini')
  async issue(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.pages.send(response, await this.renderIssue(token, request, response));
  }

  private async renderIssue(token: string, request: Request, response: Response): Promise<string> {
    const checked = await this.form.check(token, request, response);
    if (!checked.ok) return checked.html;
    const chain = (request.body as Record<string, unknown>)['chain'];
    if (typeof chain !== 'string' || !(chain in KONBINI_CHAIN_NAMES)) {
      this.pages.redirect(response, `/p/${token}`);
      return '';
    }
    const attempt = await this.handler.execute(checked.page, checked.attemptKey, chain);
    this.pages.redirect(response, this.pages.attemptUrl(token, attempt.id));
    return '';
  }
}
