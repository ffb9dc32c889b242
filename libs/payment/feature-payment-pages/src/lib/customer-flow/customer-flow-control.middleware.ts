import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { chooseLocale } from '@kessai/payment-domain';
import { FlowLimiter, FlowRule, retryAfterSeconds } from '@kessai/shared-flow-control';
import { LOCALE_COOKIE } from '../web/payment-page.renderer';
import { busyPage, TurnedAwayRequest } from './busy-page';
import { CUSTOMER_FLOW_OPTIONS, CustomerFlowOptions } from './customer-flow.options';
import { PaymentLinkMerchants } from './payment-link-merchants';

const LINK_PATH = /^\/p\/([^/?#]+)/;
/** A payment already under way: the result page after 3-D Secure or the wallet, polled until it settles. */
const PAYMENT_IN_PROGRESS_PATH = /^\/p\/[^/?#]+\/(attempts\/|wallet\/return)/;

/**
 * The payment screen's customers, protected per merchant like the merchant API at the gateway: a concurrency
 * lease and a GCRA rate per merchant, in one Redis round trip. Payment submissions (POST) and the pages of a
 * payment under way may use the reserved share, so bill page loads are shed first and a customer who already
 * chose to pay is turned away last.
 * A merchant's SMS campaign or a bot on its links gets a clear "busy" page; other merchants' customers notice
 * nothing.
 */
@Injectable()
export class CustomerFlowControlMiddleware implements NestMiddleware {
  private readonly logger = new Logger('CustomerFlowControl');
  private readonly policy: Omit<FlowRule, 'subject'>;

  constructor(
    private readonly limiter: FlowLimiter,
    private readonly links: PaymentLinkMerchants,
    @Inject(CUSTOMER_FLOW_OPTIONS) private readonly options: CustomerFlowOptions,
  ) {
    const { ratePerSecond, burstMultiple, concurrency, reservedShare } = options;
    this.policy = { ratePerSecond, burstMultiple, concurrency, reservedShare, shadow: false };
  }

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const token = LINK_PATH.exec(request.originalUrl)?.[1];
    if (!token || (this.policy.ratePerSecond === 0 && this.policy.concurrency === 0)) return next();
    let merchantId: string | undefined;
    try {
      merchantId = await this.links.merchantOf(token);
    } catch (error) {
      return next(error);
    }
    // An unknown link gets its 404 page from the controller: it belongs to no merchant to count against.
    if (!merchantId) return next();
    const submission = request.method === 'POST';
    const priority = submission || PAYMENT_IN_PROGRESS_PATH.test(request.originalUrl);
    const decision = await this.limiter.acquire([{ subject: `{m:${merchantId}}:customers`, ...this.policy }], priority ? 'priority' : 'standard');
    if (!decision.admitted) return this.turnAway(request, response, token, submission ? 'payment-submission' : 'page-load', decision, merchantId);
    const lease = decision.lease;
    if (lease) response.once('close', () => void this.limiter.release(lease));
    next();
  }

  private turnAway(
    request: Request,
    response: Response,
    token: string,
    kind: TurnedAwayRequest,
    decision: { shed: boolean; retryAfterMs: number; rejectedBy?: string; degraded?: string },
    merchantId: string,
  ): void {
    const seconds = retryAfterSeconds(decision.retryAfterMs, this.options.retryAfterJitterSeconds);
    const reason = decision.degraded === 'fail-closed' ? 'flow-control-unavailable' : decision.shed ? 'shed' : `merchant-${decision.rejectedBy ?? 'rate'}`;
    const html = busyPage({
      lang: chooseLocale(request.query['lang'], request.cookies?.[LOCALE_COOKIE]),
      request: kind,
      retryAfterSeconds: seconds,
      // Reload the same page; after a refused payment, back to the bill page (the token passed the link format).
      retryUrl: kind === 'page-load' ? request.originalUrl : `/p/${token}`,
      nonce: String(response.locals['cspNonce'] ?? ''),
    });
    response.status(reason === 'shed' || reason === 'flow-control-unavailable' ? 503 : 429);
    response.setHeader('retry-after', String(seconds));
    response.setHeader('x-kessai-throttle-reason', reason);
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(html);
    this.logger.debug(`customer ${kind} of merchant ${merchantId} turned away: ${reason}`);
  }
}
