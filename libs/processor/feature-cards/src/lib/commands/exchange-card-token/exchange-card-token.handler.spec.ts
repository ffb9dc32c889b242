import type { DataSource, EntityManager } from 'typeorm';
import { CardRepository, CardTokenEntity } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { ExchangeCardTokenHandler } from './exchange-card-token.handler';

describe('ExchangeCardTokenHandler', () => {
  const token: CardTokenEntity = {
    token: 'tok_abc',
    brand: 'visa',
    last4: '1111',
    expMonth: 12,
    expYear: 2030,
    profile: 'approve',
    createdAt: new Date('2026-11-22T03:00:00Z'),
    expiresAt: new Date('2026-11-22T03:15:00Z'),
    usedAt: null,
  };
  let found: CardTokenEntity | null;
  let claimedRows: number;
  let insertCard: jest.Mock;
  let clock: FixedClock;
  let handler: ExchangeCardTokenHandler;

  beforeEach(() => {
    found = token;
    claimedRows = 1;
    insertCard = jest.fn();
    clock = new FixedClock('2026-11-22T03:10:00Z');
    // The conditional claim (used_at IS NULL) is the database's job: the fake answers how many rows it changed.
    const transaction = { findOneBy: async () => found, update: async () => ({ affected: claimedRows }) } as unknown as EntityManager;
    const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
    handler = new ExchangeCardTokenHandler(dataSource, { insert: insertCard } as unknown as CardRepository, clock);
  });

  it('stores an active card of the merchant with the facts of the token', async () => {
    const card = await handler.execute('tok_abc', 'm-1');
    expect(card).toMatchObject({ merchantId: 'm-1', brand: 'visa', last4: '1111', expMonth: 12, expYear: 2030, profile: 'approve', status: 'active', replacedBy: null });
    expect(insertCard).toHaveBeenCalledWith(expect.anything(), card);
  });

  it('refuses a token used already', async () => {
    claimedRows = 0;
    await expect(handler.execute('tok_abc', 'm-1')).rejects.toMatchObject({ code: 'PROCESSOR_TOKEN_EXPIRED', field: 'token' });
    expect(insertCard).not.toHaveBeenCalled();
  });

  it('refuses a token older than 15 minutes', async () => {
    clock.set('2026-11-22T03:15:01Z');
    await expect(handler.execute('tok_abc', 'm-1')).rejects.toMatchObject({ code: 'PROCESSOR_TOKEN_EXPIRED' });
    expect(insertCard).not.toHaveBeenCalled();
  });

  it('answers PROCESSOR_TOKEN_NOT_FOUND for a token it never minted', async () => {
    found = null;
    await expect(handler.execute('tok_nope', 'm-1')).rejects.toMatchObject({ code: 'PROCESSOR_TOKEN_NOT_FOUND' });
  });
});
