import { HttpStatus } from '@nestjs/common';

/**
 * The HTTP status for a coded error, read from the code's last words, so every context names its codes the
 * same way: `..._NOT_FOUND` 404, `..._CONFLICT` / `..._ALREADY_EXISTS` 409, `..._INVALID` 422, and so on.
 */
export function statusForCode(code: string): number {
  if (/_NOT_FOUND$/.test(code)) return HttpStatus.NOT_FOUND;
  if (/_(CONFLICT|ALREADY_EXISTS|DUPLICATE|IN_PROGRESS)$/.test(code)) return HttpStatus.CONFLICT;
  if (/_(INVALID|NOT_ALLOWED|EXPIRED|CLOSED|EXCEEDED)$/.test(code)) return HttpStatus.UNPROCESSABLE_ENTITY;
  if (/_TIMEOUT$/.test(code)) return HttpStatus.GATEWAY_TIMEOUT;
  if (/_FORBIDDEN$/.test(code)) return HttpStatus.FORBIDDEN;
  if (/_UNAUTHORIZED$/.test(code)) return HttpStatus.UNAUTHORIZED;
  if (/_(RATE_LIMITED|THROTTLED)$/.test(code)) return HttpStatus.TOO_MANY_REQUESTS;
  if (/_UNAVAILABLE$/.test(code)) return HttpStatus.SERVICE_UNAVAILABLE;
  return HttpStatus.BAD_REQUEST;
}
