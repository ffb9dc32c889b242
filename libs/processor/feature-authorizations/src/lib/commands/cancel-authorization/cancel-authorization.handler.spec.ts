import type { DataSource } from 'typeorm';
import { AuthorizationEntity, AuthorizationRepository } from '@kessai/processor-data-access';
import { CancelAuthorizationHandler } from './cancel-authorization.handler';

function authorization(overrides: Partial<AuthorizationEntity> = {}): AuthorizationEntity {
  return Object.assign(new AuthorizationEntity(), {
    id: 'auth-1',
    merchantId: 'm-1',
    idempotencyKey: 'k1',
    requestHash: 'h',
    cardId: 'card-1',
    amount: 1000,
    currency: 'JPY',
    status: 'approved',
    reasonCode: '00',
    reason: 'approved',
    createdAt: new Date('2026-11-22T03:00:00Z'),
    ...overrides,
  });
}

describe('CancelAuthorizationHandler', () => {
  let stored: AuthorizationEntity | null;
  let affected: number;
  let execute: jest.Mock;
  let handler: CancelAuthorizationHandler;

  beforeEach(() => {
    stored = authorization();
    affected = 1;
    execute = jest.fn(async () => ({ affected }));
    // The conditional UPDATE (approved and not captured) is the database's job: the fake answers how many rows it changed.
    const builder = { update: () => builder, set: () => builder, where: () => builder, execute };
    const dataSource = { getMetadata: () => ({ tablePath: 'processor.sale' }), createQueryBuilder: () => builder } as unknown as DataSource;
    handler = new CancelAuthorizationHandler(dataSource, { find: async () => stored } as unknown as AuthorizationRepository);
  });

  it('cancels an approved authorization that is not captured', async () => {
    expect(await handler.execute('m-1', 'auth-1')).toMatchObject({ id: 'auth-1', status: 'canceled' });
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('answers an authorization cancelled already as it is, without updating again', async () => {
    stored = authorization({ status: 'canceled' });
    expect(await handler.execute('m-1', 'auth-1')).toMatchObject({ status: 'canceled' });
    expect(execute).not.toHaveBeenCalled();
  });

  it('refuses the authorization of another merchant as not found', async () => {
    await expect(handler.execute('m-2', 'auth-1')).rejects.toMatchObject({ code: 'PROCESSOR_AUTHORIZATION_NOT_FOUND', field: 'authorizationId' });
    expect(execute).not.toHaveBeenCalled();
  });

  it('refuses to cancel a captured authorization and says to refund the sale instead', async () => {
    affected = 0;
    await expect(handler.execute('m-1', 'auth-1')).rejects.toMatchObject({
      code: 'PROCESSOR_AUTHORIZATION_NOT_ALLOWED',
      message: expect.stringContaining('refund the sale instead'),
    });
  });

  it('refuses to cancel a declined authorization', async () => {
    stored = authorization({ status: 'declined' });
    affected = 0;
    await expect(handler.execute('m-1', 'auth-1')).rejects.toMatchObject({ code: 'PROCESSOR_AUTHORIZATION_NOT_ALLOWED', message: expect.stringContaining('declined') });
  });
});
