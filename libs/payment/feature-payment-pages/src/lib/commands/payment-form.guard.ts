import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PaymentPageEntity } from '@kessai/payment-data-access';
import { viewOfPaymentPage } from '@kessai/payment-domain';
import { Clock } from '@kessai/shared-clock';
import { PaymentLinkPages } from '../web/payment-link-pages';
import { PaymentAttempts } from './payment-attempts';

/** Either the page a payment form may be submitted for, with its attempt key, or the page to show instead. */
export type PaymentFormCheck = { ok: true; page: PaymentPageEntity; attemptKey: string } | { ok: false; html: string };

/** What every payment form submit checks first: the link, the bill still payable, the CSRF token, the attempt key. */
@Injectable()
export class PaymentFormGuard {
  constructor(
    private readonly pages: PaymentLinkPages,
    private readonly attempts: PaymentAttempts,
    private readonly clock: Clock,
  ) {}

  async check(token: string, request: Request, response: Response): Promise<PaymentFormCheck> {
    const page = await this.pages.find(token);
    if (!page) return { ok: false, html: await this.pages.notFound(request, response) };
    const context = await this.pages.contextFor(request, response, page.merchantId);
    if (!this.pages.csrfValid(request, page.billId)) return { ok: false, html: this.pages.csrfRejected(context, response, token) };
    const view = viewOfPaymentPage(page, this.clock.now());
    if (view !== 'payable') return { ok: false, html: this.pages.closed(context, response, view) };
    const attemptKey = (request.body as Record<string, unknown>)['attemptKey'];
    if (!this.attempts.isAttemptKey(attemptKey)) {
      response.status(400);
      return { ok: false, html: this.pages.csrfRejected(context, response, token) };
    }
    return { ok: true, page, attemptKey };
  }
}
