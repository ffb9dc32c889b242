import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { ScreeningRequest } from '@kessai/screening-contracts';
import { ApiErrorBody, validationFailure } from '@kessai/shared-service-runtime';
import { isValidScreeningRequest } from './screening-request.schema';

/** The options of the service's validation pipe: unknown fields are refused, not silently dropped. */
const VALIDATION: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true };

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** A decision request's body, validated as the Nest pipe validates DTOs (same rules, same error format). */
export function decidePaymentRequest(body: unknown, field = ''): Validated<ScreeningRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const where = field || 'body';
    return { ok: false, error: { error: { code: 'VALIDATION_FAILED', message: `${where}: must be a JSON object`, field: where, details: [{ field: where, message: 'must be a JSON object' }] } } };
  }
  // Nearly every request is valid: the precompiled check answers those; class-validator writes the errors.
  if (isValidScreeningRequest(body)) return { ok: true, value: body };
  const request = plainToInstance(ScreeningRequest, body);
  const errors = validateSync(request, VALIDATION);
  return errors.length === 0 ? { ok: true, value: request } : { ok: false, error: validationFailure(errors, field) };
}
