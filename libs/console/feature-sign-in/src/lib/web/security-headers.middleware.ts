import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * A strict Content-Security-Policy on every console page: scripts and styles only with this response's nonce,
 * requests and forms only to the console itself, no framing, no referrer, never cached (pages show a merchant's
 * data and, once, new API keys).
 */
@Injectable()
export class ConsoleSecurityHeadersMiddleware implements NestMiddleware {
  use(_request: Request, response: Response, next: NextFunction): void {
    const nonce = randomBytes(16).toString('base64');
    response.locals['cspNonce'] = nonce;
    response.setHeader(
      'content-security-policy',
      [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, `img-src 'self' data:`, `connect-src 'self'`, `form-action 'self'`, `base-uri 'none'`, `frame-ancestors 'none'`].join('; '),
    );
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('x-frame-options', 'DENY');
    response.setHeader('cache-control', 'no-store');
    next();
  }
}
