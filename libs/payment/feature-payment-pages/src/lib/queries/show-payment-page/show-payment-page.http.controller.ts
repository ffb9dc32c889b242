import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PaymentPageEntity } from '@kessai/payment-data-access';
import { KONBINI_CHAIN_NAMES, viewOfPaymentPage } from '@kessai/payment-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';
import { OpenPaymentPageHandler } from '../../commands/open-payment-page/open-payment-page.handler';
import { toBillView } from '../../web/bill.view-model';
import { PaymentLinkPages } from '../../web/payment-link-pages';

/** `GET /p/:token`: the page the customer opens from the SMS link. */
@Controller('p')
export class ShowPaymentPageHttpController {
  private readonly logger = new Logger(ShowPaymentPageHttpController.name);

  constructor(
    private readonly pages: PaymentLinkPages,
    private readonly openPaymentPage: OpenPaymentPageHandler,
    private readonly clock: Clock,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const page = await this.pages.find(token);
    this.pages.send(response, await this.renderShow(page, token, request, response));
    // Recorded after the page is on its way: the customer waits for no write. A crash in these few
    // milliseconds loses the "opened" mark of that bill (the next opening records it), never a payment.
    if (page && !page.openedAt && response.statusCode === 200) {
      await this.openPaymentPage.execute(page).catch((error: Error) => this.logger.error(`recording the opening of bill ${page.billId} failed: ${error.message}`));
    }
  }

  private async renderShow(page: PaymentPageEntity | null, token: string, request: Request, response: Response): Promise<string> {
    if (!page) return this.pages.notFound(request, response);
    const context = await this.pages.contextFor(request, response, page.merchantId);
    const view = viewOfPaymentPage(page, this.clock.now());
    if (view !== 'payable') return this.pages.closed(context, response, view);

    return this.pages.renderer.render('bill', context, {
      title: context.t.title,
      bill: toBillView(page, context.lang),
      methods: page.allowedPaymentMethods,
      csrf: this.pages.csrfToken(request, response, page.billId),
      // A fresh key per rendered form: submitting this form twice is one payment attempt.
      attemptKey: newId(),
      canSaveCard: page.customerPhone !== null,
      processorScriptUrl: this.pages.processorScriptUrl,
      actions: { card: `/p/${token}/card`, konbini: `/p/${token}/konbini`, wallet: `/p/${token}/wallet` },
      chains: Object.entries(KONBINI_CHAIN_NAMES).map(([id, names]) => ({ id, name: names[context.lang] })),
    });
  }
}
