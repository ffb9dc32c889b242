import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { SCREENING_OPTIONS, ScreeningOptions } from '../screening.options';
import { ScreeningException } from '../screening.exception';

/** Rule sets, lists and backtests are for Kessai's risk operators: `Authorization: Bearer <operator token>`. */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(SCREENING_OPTIONS) options: ScreeningOptions) {
    this.expected = Buffer.from(options.operatorToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().header('authorization') ?? '';
    const given = Buffer.from(header.replace(/^Bearer /, ''));
    if (given.length !== this.expected.length || !timingSafeEqual(given, this.expected)) {
      throw new ScreeningException('SCREENING_OPERATOR_UNAUTHORIZED', 'An operator token is required (Authorization: Bearer …)');
    }
    return true;
  }
}
