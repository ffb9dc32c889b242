import type { DataSource, EntityManager } from 'typeorm';
import type { WebhookOutbox } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { FakeKonbiniPayments, konbiniSlip } from '../../konbini-payments.fake';
import { ExpireKonbiniSlipsHandler } from './expire-konbini-slips.handler';

describe('ExpireKonbiniSlipsHandler', () => {
  const transaction = {} as EntityManager;
  const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
  const now = new Date('2026-12-02T00:00:00Z');
  let payments: FakeKonbiniPayments;
  let add: jest.Mock;
  let handler: ExpireKonbiniSlipsHandler;

  beforeEach(() => {
    payments = new FakeKonbiniPayments();
    add = jest.fn();
    handler = new ExpireKonbiniSlipsHandler(dataSource, payments.asRepository(), { add } as unknown as WebhookOutbox, new FixedClock(now));
  });

  it('expires the unpaid slips past their deadline, queues konbini.expired for each, and leaves the others alone', async () => {
    const overdue = konbiniSlip({ id: 'a', deadline: new Date('2026-12-01T15:00:00Z') });
    const notDue = konbiniSlip({ id: 'b', idempotencyKey: 'slip-2', deadline: new Date('2026-12-03T15:00:00Z') });
    const paid = konbiniSlip({ id: 'c', idempotencyKey: 'slip-3', deadline: new Date('2026-12-01T15:00:00Z'), status: 'paid', paidAt: new Date('2026-11-30T00:00:00Z') });
    for (const slip of [overdue, notDue, paid]) await payments.insert(slip);

    expect(await handler.execute()).toBe(1);

    expect(payments.rows.get('a')?.status).toBe('expired');
    expect(payments.rows.get('b')?.status).toBe('awaiting_payment');
    expect(payments.rows.get('c')?.status).toBe('paid');
    expect(add).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledWith(transaction, 'konbini.expired', 'm-1', expect.objectContaining({ paymentId: 'a', status: 'expired' }), now);
  });

  it('does nothing when no slip is overdue', async () => {
    await payments.insert(konbiniSlip({ deadline: new Date('2026-12-03T15:00:00Z') }));
    expect(await handler.execute()).toBe(0);
    expect(add).not.toHaveBeenCalled();
  });
});
