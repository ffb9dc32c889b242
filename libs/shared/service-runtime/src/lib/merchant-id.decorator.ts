import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import { ApiErrorBody } from './api-error';

const MERCHANT_ID = /^[\w-]{1,64}$/;

export const MERCHANT_UNAUTHENTICATED: ApiErrorBody = {
  error: { code: 'MERCHANT_UNAUTHENTICATED', message: 'The request carries no authenticated merchant (x-kessai-merchant-id)' },
};

/**
 * The merchant the throttle gateway authenticated (by API key) for this request, or undefined. Services sit
 * behind the gateway and trust this header only from it.
 */
export function authenticatedMerchantOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers['x-kessai-merchant-id'];
  return typeof value === 'string' && MERCHANT_ID.test(value) ? value : undefined;
}

export const MerchantId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const merchantId = authenticatedMerchantOf(context.switchToHttp().getRequest<Request>().headers);
  if (!merchantId) throw new UnauthorizedException(structuredClone(MERCHANT_UNAUTHENTICATED));
  return merchantId;
});
