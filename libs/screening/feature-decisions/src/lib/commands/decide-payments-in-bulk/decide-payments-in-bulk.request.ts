import { ScreeningRequest } from '@kessai/screening-contracts';
import { ApiErrorBody } from '@kessai/shared-service-runtime';
import { decidePaymentRequest, Validated } from '../decide-payment/decide-payment.request';

/** A recurring job's chunk of charges fits in one request. */
export const MAX_BULK_DECISIONS = 5000;

/** One request of a bulk body: valid (to be decided) or refused with what was wrong, the others unaffected. */
export type BulkItem = { request: ScreeningRequest } | { error: ApiErrorBody['error'] };

/** `{ "requests": [ScreeningRequest, …] }`: the envelope must be right; a bad item is answered alone. */
export function decidePaymentsInBulkRequest(body: unknown): Validated<BulkItem[]> {
  const requests = (body as { requests?: unknown } | null)?.requests;
  const extra = typeof body === 'object' && body !== null ? Object.keys(body).filter((key) => key !== 'requests') : [];
  let problem: string | undefined;
  if (!Array.isArray(requests)) problem = 'must be an array of decision requests';
  else if (requests.length === 0) problem = 'must not be empty';
  else if (requests.length > MAX_BULK_DECISIONS) problem = `must hold at most ${MAX_BULK_DECISIONS} requests (split the batch)`;
  if (problem) return refused('requests', problem);
  if (extra.length > 0) return refused(extra[0], 'property should not exist');
  return {
    ok: true,
    value: (requests as unknown[]).map((item, index) => {
      const validated = decidePaymentRequest(item, `requests[${index}]`);
      return validated.ok ? { request: validated.value } : { error: validated.error.error };
    }),
  };
}

function refused(field: string, message: string): Validated<never> {
  return { ok: false, error: { error: { code: 'VALIDATION_FAILED', message: `${field}: ${message}`, field, details: [{ field, message }] } } };
}
