import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ThrottleException } from '@kessai/throttle-domain';
import { ADMIN_OPTIONS, AdminOptions } from './admin.options';

/** The admin API answers only to `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(ADMIN_OPTIONS) options: AdminOptions) {
    this.expected = options.token ? digest(options.token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const authorization = context.switchToHttp().getRequest<Request>().header('authorization') ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!this.expected || !token || !timingSafeEqual(digest(token), this.expected)) {
      throw new ThrottleException('THROTTLE_ADMIN_UNAUTHORIZED', 'The admin API needs Authorization: Bearer <ADMIN_TOKEN> (and is off when ADMIN_TOKEN is empty)', 'authorization');
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
