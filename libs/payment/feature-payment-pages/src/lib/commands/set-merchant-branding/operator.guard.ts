import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { PAYMENT_PAGES_OPTIONS, PaymentPagesOptions } from '../../payment-pages.options';
import { PaymentException } from '../../payment.exception';

/** Page templates are code that runs on our servers: only Kessai operators set them (`Authorization: Bearer …`). */
@Injectable()
export class PaymentOperatorGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(PAYMENT_PAGES_OPTIONS) options: PaymentPagesOptions) {
    this.expected = Buffer.from(options.operatorToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const given = Buffer.from((context.switchToHttp().getRequest<Request>().header('authorization') ?? '').replace(/^Bearer /, ''));
    if (given.length !== this.expected.length || !timingSafeEqual(given, this.expected)) {
      throw new PaymentException('PAYMENT_OPERATOR_UNAUTHORIZED', 'An operator token is required (Authorization: Bearer …)');
    }
    return true;
  }
}
