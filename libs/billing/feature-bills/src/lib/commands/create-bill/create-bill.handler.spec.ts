import { BillCreatedV1 } from '@kessai/billing-contracts';
import { BillRepository } from '@kessai/billing-data-access';
import { BillingException } from '@kessai/billing-domain';
import { FixedClock } from '@kessai/shared-clock';
import { OutboxWriter } from '@kessai/shared-messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { CreateBillCommand } from './create-bill.command';
import { CreateBillHandler } from './create-bill.handler';

describe('CreateBillHandler', () => {
  const transaction = {} as EntityManager;
  const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
  let insert: jest.Mock;
  let add: jest.Mock;
  let handler: CreateBillHandler;

  beforeEach(() => {
    insert = jest.fn();
    add = jest.fn();
    handler = new CreateBillHandler(
      dataSource,
      { insert } as unknown as BillRepository,
      { add } as unknown as OutboxWriter,
      new FixedClock('2026-11-22T03:00:00Z'),
    );
  });

  it('stores the bill and its created event in the same transaction', async () => {
    const bill = await handler.execute(new CreateBillCommand('m-1', 'INV-1', 1500, 'JPY', '2026-12-10', ['card']));
    expect(insert).toHaveBeenCalledWith(transaction, bill, new Date('2026-11-22T03:00:00Z'));
    expect(add).toHaveBeenCalledWith(transaction, BillCreatedV1, {
      merchantId: 'm-1',
      payload: expect.objectContaining({ billId: bill.id, amount: 1500, currency: 'JPY', dueDate: '2026-12-10' }),
    });
  });

  it('refuses an unknown currency before touching the database', async () => {
    await expect(handler.execute(new CreateBillCommand('m-1', 'INV-1', 1500, 'ABC', '2026-12-10', ['card']))).rejects.toMatchObject({
      code: 'BILLING_AMOUNT_INVALID',
      field: 'currency',
    });
    expect(insert).not.toHaveBeenCalled();
  });

  it('refuses a due date already past in Japan time', async () => {
    await expect(
      handler.execute(new CreateBillCommand('m-1', 'INV-1', 1500, 'JPY', '2026-11-21', ['card'])),
    ).rejects.toBeInstanceOf(BillingException);
  });
});
