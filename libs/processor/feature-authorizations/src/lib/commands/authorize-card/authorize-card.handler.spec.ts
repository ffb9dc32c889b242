import { AuthorizationEntity, AuthorizationRepository, CardRepository, CardSnapshot, idempotencyKeyOf } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { AuthorizationOptions } from '../../authorization.options';
import { AuthorizeCardCommand } from './authorize-card.command';
import { AuthorizeCardHandler } from './authorize-card.handler';

/** Authorizations stored by (merchant, idempotency key), as the unique constraint does. */
class FakeAuthorizations {
  readonly stored = new Map<string, AuthorizationEntity>();

  async insertNew(rows: AuthorizationEntity[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (const row of rows) {
      const key = idempotencyKeyOf(row.merchantId, row.idempotencyKey);
      if (this.stored.has(key)) continue;
      this.stored.set(key, row);
      inserted.add(key);
    }
    return inserted;
  }

  async findByIdempotencyKeys(pairs: { merchantId: string; idempotencyKey: string }[]): Promise<Map<string, AuthorizationEntity>> {
    const found = new Map<string, AuthorizationEntity>();
    for (const { merchantId, idempotencyKey } of pairs) {
      const row = this.stored.get(idempotencyKeyOf(merchantId, idempotencyKey));
      if (row) found.set(idempotencyKeyOf(merchantId, idempotencyKey), row);
    }
    return found;
  }
}

function card(id: string, profile: string, overrides: Partial<CardSnapshot> = {}): CardSnapshot {
  return { id, merchantId: 'm-1', profile, status: 'active', expMonth: 12, expYear: 2030, ...overrides };
}

describe('AuthorizeCardHandler', () => {
  const options: AuthorizationOptions = { latencyProfile: 'none', errorRate: 0, timeoutAfterMs: 1000, publicUrl: 'http://sim.test' };
  const cards = new Map<string, CardSnapshot>([
    ['card-ok', card('card-ok', 'approve')],
    ['card-nsf', card('card-nsf', 'insufficient_funds')],
    ['card-3ds', card('card-3ds', 'challenge_required')],
    ['card-error', card('card-error', 'processor_error')],
    ['card-timeout', card('card-timeout', 'timeout')],
    ['card-closed', card('card-closed', 'approve', { status: 'closed' })],
    ['card-other', card('card-other', 'approve', { merchantId: 'm-2' })],
  ]);
  let authorizations: FakeAuthorizations;
  let handler: AuthorizeCardHandler;

  beforeEach(() => {
    authorizations = new FakeAuthorizations();
    const cardRepository = { snapshots: async (ids: string[]) => new Map(ids.filter((id) => cards.has(id)).map((id) => [id, cards.get(id) as CardSnapshot])) };
    handler = new AuthorizeCardHandler(
      cardRepository as unknown as CardRepository,
      authorizations as unknown as AuthorizationRepository,
      new FixedClock('2026-11-22T03:00:00Z'),
      options,
    );
  });

  const authorize = (cardId: string, key: string, amount = 1000) => new AuthorizeCardCommand('m-1', cardId, amount, 'JPY', key);

  it('answers each line of a batch in order: approved, declined with reason 51, and a challenge with its page', async () => {
    const [approved, declined, challenge] = await handler.execute([authorize('card-ok', 'k1'), authorize('card-nsf', 'k2'), authorize('card-3ds', 'k3')]);
    expect(approved).toEqual({ authorization: expect.objectContaining({ status: 'approved', cardId: 'card-ok', amount: 1000 }) });
    expect(declined).toEqual({ authorization: expect.objectContaining({ status: 'declined', reasonCode: '51' }) });
    expect(challenge).toEqual({ authorization: expect.objectContaining({ status: 'challenge_required', challengeUrl: expect.stringMatching(/^http:\/\/sim\.test\/v1\/challenges\//) }) });
    expect(authorizations.stored.size).toBe(3);
  });

  it('declines a closed card', async () => {
    const [result] = await handler.execute([authorize('card-closed', 'k1')]);
    expect(result).toEqual({ authorization: expect.objectContaining({ status: 'declined' }) });
  });

  it('refuses a card of another merchant as not found and records nothing', async () => {
    const [result] = await handler.execute([authorize('card-other', 'k1')]);
    expect(result).toEqual({ error: expect.objectContaining({ code: 'PROCESSOR_CARD_NOT_FOUND', field: 'cardId' }) });
    expect(authorizations.stored.size).toBe(0);
  });

  it('answers processor errors and timeouts without recording them, so the same key can be retried', async () => {
    const [error, timeout] = await handler.execute([authorize('card-error', 'k1'), authorize('card-timeout', 'k2')]);
    expect(error).toEqual({ error: expect.objectContaining({ code: 'PROCESSOR_SYSTEM_UNAVAILABLE' }) });
    expect(timeout).toEqual({ error: expect.objectContaining({ code: 'PROCESSOR_AUTHORIZATION_TIMEOUT' }) });
    expect(authorizations.stored.size).toBe(0);
  });

  it('never authorizes twice for the same idempotency key: a repeat gets the recorded answer', async () => {
    const [first] = await handler.execute([authorize('card-ok', 'k1')]);
    const [again] = await handler.execute([authorize('card-ok', 'k1')]);
    expect(again).toEqual(first);
    expect(authorizations.stored.size).toBe(1);
  });

  it('refuses a repeated idempotency key with another amount, in a later call and within the same batch', async () => {
    await handler.execute([authorize('card-ok', 'k1')]);
    const [later] = await handler.execute([authorize('card-ok', 'k1', 2000)]);
    expect(later).toEqual({ error: expect.objectContaining({ code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', field: 'idempotencyKey' }) });

    const [, sameBatchRepeat, sameBatchConflict] = await handler.execute([authorize('card-ok', 'k9'), authorize('card-ok', 'k9'), authorize('card-ok', 'k9', 5)]);
    expect(sameBatchRepeat).toEqual({ authorization: expect.objectContaining({ status: 'approved' }) });
    expect(sameBatchConflict).toEqual({ error: expect.objectContaining({ code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT' }) });
  });
});
