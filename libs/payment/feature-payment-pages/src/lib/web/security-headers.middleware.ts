import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../payment-pages.options';

/**
 * A strict Content-Security-Policy on every payment page: scripts and styles only with this response's nonce,
 * plus the processor's tokenization script origin (the only place card data may go); no framing; no referrer
 * (the link token is in the URL); never cached.
 */
@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  private readonly processorOrigin: string;

  constructor(@Inject(PAYMENT_PAGES_OPTIONS) options: PaymentPagesOptions) {
    this.processorOrigin = new URL(options.processorBrowserUrl).origin;
  }

  use(_request: Request, response: Response, next: NextFunction): void {
    const nonce = randomBytes(16).toString('base64');
    response.locals['cspNonce'] = nonce;
    response.setHeader(
      'content-security-policy',
      [
        `default-src 'none'`,
        `script-src 'nonce-${nonce}' ${this.processorOrigin}`,
        `style-src 'nonce-${nonce}'`,
        `img-src 'self' data: https:`,
        `connect-src ${this.processorOrigin}`,
        // Card and wallet forms end in a redirect to the processor (3-D Secure, wallet approval).
        `form-action 'self' ${this.processorOrigin}`,
        `base-uri 'none'`,
        `frame-ancestors 'none'`,
      ].join('; '),
    );
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('x-frame-options', 'DENY');
    response.setHeader('cache-control', 'no-store');
    next();
  }
}
