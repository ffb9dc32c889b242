import type { DataSource, EntityManager } from 'typeorm';
import { AuthorizationEntity, WebhookOutbox } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { CompleteChallengeHandler } from './complete-challenge.handler';

describe('CompleteChallengeHandler', () => {
  const now = new Date('2026-11-22T03:01:00Z');
  let stored: Partial<AuthorizationEntity> | null;
  let update: jest.Mock;
  let add: jest.Mock;
  let transaction: EntityManager;
  let handler: CompleteChallengeHandler;

  beforeEach(() => {
    stored = { id: 'auth-1', merchantId: 'm-1', status: 'challenge_required', reasonCode: '1A', reason: 'challenge_required' };
    update = jest.fn();
    add = jest.fn();
    transaction = { findOne: async () => stored, update } as unknown as EntityManager;
    const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
    handler = new CompleteChallengeHandler(dataSource, { add } as unknown as WebhookOutbox, new FixedClock(now));
  });

  it('approves the authorization when the cardholder passes, and tells the platform', async () => {
    const result = await handler.execute('auth-1', true);
    expect(result).toMatchObject({ status: 'approved', reasonCode: '00' });
    expect(update).toHaveBeenCalledWith(AuthorizationEntity, { id: 'auth-1' }, expect.objectContaining({ status: 'approved' }));
    expect(add).toHaveBeenCalledWith(transaction, 'authorization.challenge_completed', 'm-1', expect.objectContaining({ authorizationId: 'auth-1', status: 'approved' }), now);
  });

  it('declines the authorization with reason 1B when the cardholder fails', async () => {
    expect(await handler.execute('auth-1', false)).toMatchObject({ status: 'declined', reasonCode: '1B' });
  });

  it('refuses a challenge that is over and changes nothing', async () => {
    stored = { ...stored, status: 'approved' };
    await expect(handler.execute('auth-1', false)).rejects.toMatchObject({ code: 'PROCESSOR_CHALLENGE_NOT_ALLOWED', field: 'authorizationId' });
    expect(update).not.toHaveBeenCalled();
    expect(add).not.toHaveBeenCalled();
  });

  it('answers PROCESSOR_CHALLENGE_NOT_FOUND for an unknown authorization', async () => {
    stored = null;
    await expect(handler.execute('auth-x', true)).rejects.toMatchObject({ code: 'PROCESSOR_CHALLENGE_NOT_FOUND' });
  });
});
