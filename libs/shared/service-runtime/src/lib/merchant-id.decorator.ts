import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The merchant the throttle gateway authenticated (by API key) for this request. Services sit behind the
 * gateway and trust this header only from it.
 */
export const MerchantId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().header('x-kessai-merchant-id');
  if (!value || !/^[\w-]{1,64}$/.test(value)) {
    throw new UnauthorizedException({
      error: { code: 'MERCHANT_UNAUTHENTICATED', message: 'The request carries no authenticated merchant (x-kessai-merchant-id)' },
    });
  }
  return value;
});
