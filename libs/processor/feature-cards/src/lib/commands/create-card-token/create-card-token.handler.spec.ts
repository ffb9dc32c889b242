import type { DataSource } from 'typeorm';
import { FixedClock } from '@kessai/shared-clock';
import { CreateCardTokenHandler } from './create-card-token.handler';

describe('CreateCardTokenHandler', () => {
  let insert: jest.Mock;
  let handler: CreateCardTokenHandler;

  beforeEach(() => {
    insert = jest.fn();
    const dataSource = { getRepository: () => ({ insert }) } as unknown as DataSource;
    handler = new CreateCardTokenHandler(dataSource, new FixedClock('2026-11-22T03:00:00Z'));
  });

  it('mints a one-time token valid for 15 minutes and stores neither the card number nor the security code', async () => {
    const token = await handler.execute({ number: '4000 0000 0000 9995', expMonth: 12, expYear: 2030, securityCode: '737' });
    expect(token).toMatchObject({ brand: 'visa', last4: '9995', expMonth: 12, expYear: 2030, expiresAt: '2026-11-22T03:15:00.000Z' });
    expect(token.token).toMatch(/^tok_[\w-]{24}$/);
    expect(insert).toHaveBeenCalledWith(expect.objectContaining({ token: token.token, profile: 'insufficient_funds', usedAt: null }));
    const stored = JSON.stringify(insert.mock.calls[0][0]);
    expect(stored).not.toContain('4000000000009995');
    expect(stored).not.toContain('737');
  });

  it('refuses a mistyped card number before storing anything', async () => {
    await expect(handler.execute({ number: '4111111111111112', expMonth: 12, expYear: 2030, securityCode: '737' })).rejects.toMatchObject({
      code: 'PROCESSOR_CARD_NUMBER_INVALID',
      field: 'number',
    });
    expect(insert).not.toHaveBeenCalled();
  });
});
