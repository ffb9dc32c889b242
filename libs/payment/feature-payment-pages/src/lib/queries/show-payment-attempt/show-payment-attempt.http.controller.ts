import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import bwipjs from 'bwip-js';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { PaymentAttemptEntity } from '@kessai/payment-data-access';
import { declineReasonOf, formatAmount, KONBINI_CHAIN_NAMES } from '@kessai/payment-domain';
import { PaymentAttempts } from '../../commands/payment-attempts';
import { PaymentOutcomes } from '../../outcomes/payment-outcomes';
import { ProcessorClient } from '../../processor/processor.client';
import { formatDateTimeInJapan } from '../../web/bill.view-model';
import { PaymentLinkPages } from '../../web/payment-link-pages';
import { PageContext } from '../../web/payment-page.renderer';

/**
 * `GET /p/:token/attempts/:attemptId`: where every payment form ends (after a 303): the receipt, the konbini
 * slip, the failure, or a page that refreshes itself while the processor decides.
 */
@Controller('p')
export class ShowPaymentAttemptHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pages: PaymentLinkPages,
    private readonly attempts: PaymentAttempts,
    private readonly processor: ProcessorClient,
    private readonly outcomes: PaymentOutcomes,
  ) {}

  @Get(':token/attempts/:attemptId')
  async show(@Param('token') token: string, @Param('attemptId') attemptId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.pages.send(response, await this.renderShow(token, attemptId, request, response));
  }

  private async renderShow(token: string, attemptId: string, request: Request, response: Response): Promise<string> {
    const page = await this.pages.find(token);
    const attempt = page && /^[0-9a-f-]{36}$/.test(attemptId) ? await this.attempts.find(page.billId, attemptId) : null;
    if (!page || !attempt) return this.pages.notFound(request, response);
    const context = await this.pages.contextFor(request, response, page.merchantId);
    if (attempt.status === 'challenge-required') await this.settleChallenge(attempt);
    const t = context.t;
    switch (attempt.status) {
      case 'authorized':
      case 'captured':
        return this.receipt(context, attempt);
      case 'awaiting-store-payment':
        return this.konbiniSlip(context, attempt);
      case 'failed':
        // Stopped by credit screening before authorization: say so, and that the card was not charged.
        if (attempt.reasonCode?.startsWith('screening_')) {
          return this.pages.renderer.render('notice', context, {
            kind: 'screened-out',
            title: t.screenedOutTitle,
            text: t.screenedOutBody,
            link: { href: `/p/${token}`, label: t.chooseAnotherMethod },
          });
        }
        return this.pages.renderer.render('notice', context, {
          kind: 'failed',
          title: t.failedTitle,
          text: t.failedBody,
          link: { href: `/p/${token}`, label: t.tryAgain },
        });
      case 'challenge-required':
        return this.pages.renderer.render('notice', context, {
          kind: 'challenge',
          title: t.challengeTitle,
          text: t.challengeBody,
          link: { href: attempt.redirectUrl, label: t.continueChallenge },
        });
      default:
        return this.pages.renderer.render('notice', context, { kind: 'pending', title: t.pendingTitle, text: t.pendingBody, refreshSeconds: 2 });
    }
  }

  /** The customer is back from 3-D Secure: ask the processor rather than wait for its webhook. */
  private async settleChallenge(attempt: PaymentAttemptEntity): Promise<void> {
    if (!attempt.processorRef) return;
    const answer = await this.processor.getAuthorization(attempt.processorRef);
    if (!answer.ok || answer.body.status === 'challenge_required') return;
    await this.dataSource.transaction((transaction) =>
      answer.body.status === 'approved'
        ? this.outcomes.authorized(transaction, attempt)
        : this.outcomes.failed(transaction, attempt, declineReasonOf(answer.body.reasonCode)),
    );
    const fresh = await this.attempts.find(attempt.billId, attempt.id);
    if (fresh) Object.assign(attempt, fresh);
  }

  private receipt(context: PageContext, attempt: PaymentAttemptEntity): string {
    const method =
      attempt.method === 'card' ? `${context.t.card} ${attempt.cardBrand ?? ''} •••• ${attempt.cardLast4 ?? ''}` : attempt.method === 'konbini' ? context.t.konbini : context.t.wallet;
    return this.pages.renderer.render('receipt', context, {
      title: context.t.receiptTitle,
      receipt: { amount: formatAmount(attempt.amount, attempt.currency, context.lang), method, reference: attempt.id.slice(-12).toUpperCase() },
    });
  }

  private konbiniSlip(context: PageContext, attempt: PaymentAttemptEntity): string {
    const slip = attempt.konbiniSlip ?? { chain: '', receiptNumber: '', confirmationNumber: '', deadline: '' };
    return this.pages.renderer.render('konbini-slip', context, {
      title: context.t.slipTitle,
      slip: {
        amount: formatAmount(attempt.amount, attempt.currency, context.lang),
        chainName: KONBINI_CHAIN_NAMES[slip.chain]?.[context.lang] ?? slip.chain,
        receiptNumber: slip.receiptNumber,
        confirmationNumber: slip.confirmationNumber,
        deadline: formatDateTimeInJapan(slip.deadline, context.lang),
        // The store scans the receipt number (Code 128), drawn as inline SVG: no script, no external image.
        barcodeSvg: bwipjs.toSVG({ bcid: 'code128', text: slip.receiptNumber, height: 12, scale: 2, includetext: true, textxalign: 'center' }),
      },
    });
  }
}
