import type { DataSource, EntityManager } from 'typeorm';
import { RefundEntity, SaleEntity } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { RefundSaleHandler } from './refund-sale.handler';

describe('RefundSaleHandler', () => {
  let sale: Partial<SaleEntity> | null;
  let previous: Partial<RefundEntity> | null;
  let insert: jest.Mock;
  let update: jest.Mock;
  let handler: RefundSaleHandler;

  beforeEach(() => {
    sale = { id: 'sale-1', merchantId: 'm-1', amount: 1000, refundedAmount: 300, currency: 'JPY' };
    previous = null;
    insert = jest.fn();
    update = jest.fn();
    const transaction = { findOne: async () => sale, findOneBy: async () => previous, insert, update } as unknown as EntityManager;
    const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
    handler = new RefundSaleHandler(dataSource, new FixedClock('2026-11-25T00:00:00Z'));
  });

  it('refunds part of a sale and adds it to the refunded total', async () => {
    const result = await handler.execute('m-1', 'sale-1', 200, 'r1');
    expect(result).toMatchObject({ saleId: 'sale-1', amount: 200, currency: 'JPY', refundedTotal: 500 });
    expect(insert).toHaveBeenCalledWith(RefundEntity, expect.objectContaining({ id: result.refundId, amount: 200, idempotencyKey: 'r1' }));
    expect(update).toHaveBeenCalledWith(SaleEntity, { id: 'sale-1' }, { refundedAmount: 500 });
  });

  it('refunds exactly what is left', async () => {
    expect(await handler.execute('m-1', 'sale-1', 700, 'r1')).toMatchObject({ refundedTotal: 1000 });
  });

  it('refuses to refund more than is left and names the amount', async () => {
    await expect(handler.execute('m-1', 'sale-1', 701, 'r1')).rejects.toMatchObject({
      code: 'PROCESSOR_REFUND_INVALID',
      field: 'amount',
      message: expect.stringContaining('700 JPY'),
    });
    expect(insert).not.toHaveBeenCalled();
  });

  it('answers the same refund for a repeated idempotency key without refunding again', async () => {
    previous = { id: 'refund-1', saleId: 'sale-1', amount: 200 };
    expect(await handler.execute('m-1', 'sale-1', 200, 'r1')).toMatchObject({ refundId: 'refund-1', refundedTotal: 300 });
    expect(insert).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses an idempotency key used for another refund', async () => {
    previous = { id: 'refund-1', saleId: 'sale-1', amount: 100 };
    await expect(handler.execute('m-1', 'sale-1', 200, 'r1')).rejects.toMatchObject({ code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT' });
  });

  it('answers PROCESSOR_SALE_NOT_FOUND when the merchant has no such sale', async () => {
    sale = null;
    await expect(handler.execute('m-2', 'sale-1', 200, 'r1')).rejects.toMatchObject({ code: 'PROCESSOR_SALE_NOT_FOUND', field: 'saleId' });
  });
});
