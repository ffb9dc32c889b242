import type { BulkAuthorizationLine } from '@kessai/processor-contracts';
import type { AuthorizationOutcome, PendingCharge } from '@kessai/recurring-data-access';

/** Processor errors that record nothing: the charge stays pending and a rerun retries it with the same key. */
const RETRYABLE = /_(UNAVAILABLE|TIMEOUT)$/;

/**
 * Pairs each pending charge with its answer line (matched by idempotency key = charge key). Approved becomes
 * authorized; declined, a challenge (no cardholder is present in a monthly run) or a permanent error becomes
 * declined; a retryable error or a missing answer leaves the charge pending.
 */
export function authorizationOutcomes(charges: PendingCharge[], answers: BulkAuthorizationLine[]): AuthorizationOutcome[] {
  const byKey = new Map(answers.filter((answer) => answer.idempotencyKey).map((answer) => [answer.idempotencyKey as string, answer]));
  const outcomes: AuthorizationOutcome[] = [];
  for (const charge of charges) {
    const answer = byKey.get(charge.chargeKey);
    if (!answer) continue;
    if ('error' in answer) {
      if (RETRYABLE.test(answer.error.code)) continue;
      outcomes.push({ id: charge.id, status: 'declined', authorizationId: null, declineCode: answer.error.code, floorLimit: false });
    } else if (answer.status === 'approved') {
      outcomes.push({ id: charge.id, status: 'authorized', authorizationId: answer.authorizationId, declineCode: null, floorLimit: false });
    } else {
      outcomes.push({ id: charge.id, status: 'declined', authorizationId: null, declineCode: answer.reasonCode, floorLimit: false });
    }
  }
  return outcomes;
}
