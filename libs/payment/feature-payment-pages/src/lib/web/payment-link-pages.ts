import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { PaymentPageEntity } from '@kessai/payment-data-access';
import { PaymentPageView } from '@kessai/payment-domain';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../payment-pages.options';
import { CSRF_COOKIE, csrfTokenFor, isValidCsrfToken, newCsrfCookieValue } from './csrf-token';
import { PageContext, PaymentPageRenderer } from './payment-page.renderer';

const LINK_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

/** What the payment link controllers share: finding the page of a link, CSRF, and the notice pages. */
@Injectable()
export class PaymentLinkPages {
  constructor(
    private readonly dataSource: DataSource,
    readonly renderer: PaymentPageRenderer,
    @Inject(PAYMENT_PAGES_OPTIONS) private readonly options: PaymentPagesOptions,
  ) {}

  async find(token: string): Promise<PaymentPageEntity | null> {
    if (!LINK_TOKEN.test(token)) return null;
    return this.dataSource.getRepository(PaymentPageEntity).findOneBy({ linkToken: token });
  }

  async contextFor(request: Request, response: Response, merchantId: string | null): Promise<PageContext> {
    return this.renderer.context(request, response, await this.renderer.brandOf(merchantId));
  }

  /** The form token of this browser for this bill; sets the browser's CSRF cookie on its first visit. */
  csrfToken(request: Request, response: Response, billId: string): string {
    let secret = request.cookies?.[CSRF_COOKIE] as string | undefined;
    if (!secret || secret.length < 16) {
      secret = newCsrfCookieValue();
      response.cookie(CSRF_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: this.renderer.secure, path: '/p' });
    }
    return csrfTokenFor(this.options.csrfSecret, secret, billId);
  }

  csrfValid(request: Request, billId: string): boolean {
    return isValidCsrfToken(this.options.csrfSecret, request.cookies?.[CSRF_COOKIE], billId, (request.body as Record<string, unknown> | undefined)?.['_csrf']);
  }

  async notFound(request: Request, response: Response): Promise<string> {
    const context = await this.contextFor(request, response, null);
    response.status(404);
    return this.renderer.render('notice', context, { kind: 'not-found', title: context.t.notFoundTitle, text: context.t.notFoundBody });
  }

  /** A paid, expired or canceled bill: a clear page, no form. */
  closed(context: PageContext, response: Response, view: Exclude<PaymentPageView, 'payable'>): string {
    const t = context.t;
    const texts = {
      paid: [t.paidTitle, t.paidBody],
      expired: [t.expiredTitle, t.expiredBody],
      canceled: [t.canceledTitle, t.canceledBody],
    } as const;
    if (view !== 'paid') response.status(410);
    return this.renderer.render('notice', context, { kind: view, title: texts[view][0], text: texts[view][1] });
  }

  csrfRejected(context: PageContext, response: Response, token: string): string {
    response.status(403);
    return this.renderer.render('notice', context, {
      kind: 'csrf',
      title: context.t.formExpired,
      text: '',
      link: { href: `/p/${token}`, label: context.t.tryAgain },
    });
  }

  get processorScriptUrl(): string {
    return `${new URL(this.options.processorBrowserUrl).origin}/v1/tokenize.js`;
  }

  /** See other (303): the browser GETs the next page, so a reload never submits the form again. */
  redirect(response: Response, url: string): void {
    response.status(303).location(url);
  }

  send(response: Response, html: string): void {
    response.type('html').send(html);
  }

  attemptUrl(token: string, attemptId: string): string {
    return `/p/${token}/attempts/${attemptId}`;
  }
}
