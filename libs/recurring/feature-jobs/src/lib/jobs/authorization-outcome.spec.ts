import type { BulkAuthorizationLine } from '@kessai/processor-contracts';
import { authorizationOutcomes } from './authorization-outcome';

const charge = (id: string) => ({ id, chargeKey: `def:${id}:2026-02`, cardRef: `card_${id}`, amount: 1000, currency: 'JPY' });
const answer = (id: string, status: string, reasonCode: string, line: number) =>
  ({ line, idempotencyKey: `def:${id}:2026-02`, authorizationId: `auth_${id}`, status, reasonCode }) as unknown as BulkAuthorizationLine;

describe('authorizationOutcomes', () => {
  it('authorizes approved charges and declines the others with the response code', () => {
    const outcomes = authorizationOutcomes([charge('1'), charge('2'), charge('3')], [
      answer('1', 'approved', '00', 1),
      answer('2', 'declined', '51', 2),
      answer('3', 'challenge_required', '1A', 3),
    ]);
    expect(outcomes).toEqual([
      { id: '1', status: 'authorized', authorizationId: 'auth_1', declineCode: null, floorLimit: false },
      { id: '2', status: 'declined', authorizationId: null, declineCode: '51', floorLimit: false },
      { id: '3', status: 'declined', authorizationId: null, declineCode: '1A', floorLimit: false },
    ]);
  });

  it('leaves a charge pending on a retryable processor error or without an answer, and declines an unknown card', () => {
    const outcomes = authorizationOutcomes([charge('1'), charge('2'), charge('3'), charge('4')], [
      { line: 1, idempotencyKey: 'def:1:2026-02', error: { code: 'PROCESSOR_SYSTEM_UNAVAILABLE', message: 'x' } },
      { line: 2, idempotencyKey: 'def:2:2026-02', error: { code: 'PROCESSOR_AUTHORIZATION_TIMEOUT', message: 'x' } },
      { line: 3, idempotencyKey: 'def:3:2026-02', error: { code: 'PROCESSOR_CARD_NOT_FOUND', message: 'x' } },
    ]);
    expect(outcomes).toEqual([{ id: '3', status: 'declined', authorizationId: null, declineCode: 'PROCESSOR_CARD_NOT_FOUND', floorLimit: false }]);
  });
});
