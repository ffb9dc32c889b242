import type { DataSource, EntityManager } from 'typeorm';
import type { WebhookOutbox } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { FakeKonbiniPayments, konbiniSlip } from '../../konbini-payments.fake';
import { PayKonbiniSlipCommand } from './pay-konbini-slip.command';
import { PayKonbiniSlipHandler } from './pay-konbini-slip.handler';

describe('PayKonbiniSlipHandler', () => {
  const transaction = {} as EntityManager;
  const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
  const slip = konbiniSlip({ deadline: new Date('2026-12-01T15:00:00Z') });
  let payments: FakeKonbiniPayments;
  let add: jest.Mock;
  let clock: FixedClock;
  let handler: PayKonbiniSlipHandler;

  beforeEach(async () => {
    payments = new FakeKonbiniPayments();
    await payments.insert(slip);
    add = jest.fn();
    clock = new FixedClock('2026-11-30T10:00:00Z');
    handler = new PayKonbiniSlipHandler(dataSource, payments.asRepository(), { add } as unknown as WebhookOutbox, clock);
  });

  it('marks the slip paid at the store and queues konbini.paid in the same transaction', async () => {
    const paid = await handler.execute(new PayKonbiniSlipCommand(slip.id));
    const paidAt = new Date('2026-11-30T10:00:00Z');
    expect(paid).toMatchObject({ status: 'paid', paidAt });
    expect(payments.rows.get(slip.id)).toMatchObject({ status: 'paid', paidAt });
    expect(add).toHaveBeenCalledWith(
      transaction,
      'konbini.paid',
      'm-1',
      expect.objectContaining({ paymentId: slip.id, status: 'paid', paidAt: paidAt.toISOString(), receiptNumber: slip.receiptNumber }),
      paidAt,
    );
  });

  it('refuses a slip paid after its deadline with PROCESSOR_KONBINI_PAYMENT_EXPIRED and sends nothing', async () => {
    clock.set('2026-12-01T15:00:01Z');
    await expect(handler.execute(new PayKonbiniSlipCommand(slip.id))).rejects.toMatchObject({ code: 'PROCESSOR_KONBINI_PAYMENT_EXPIRED', field: 'paymentId' });
    expect(payments.rows.get(slip.id)?.status).toBe('awaiting_payment');
    expect(add).not.toHaveBeenCalled();
  });

  it('refuses a slip the expiry job has already expired, even before the clock passes the deadline', async () => {
    await payments.update(transaction, slip.id, { status: 'expired' });
    await expect(handler.execute(new PayKonbiniSlipCommand(slip.id))).rejects.toMatchObject({ code: 'PROCESSOR_KONBINI_PAYMENT_EXPIRED' });
  });

  it('refuses to take payment twice for the same slip', async () => {
    await handler.execute(new PayKonbiniSlipCommand(slip.id));
    await expect(handler.execute(new PayKonbiniSlipCommand(slip.id))).rejects.toMatchObject({ code: 'PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED' });
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('answers PROCESSOR_KONBINI_PAYMENT_NOT_FOUND for an unknown slip', async () => {
    await expect(handler.execute(new PayKonbiniSlipCommand('0193a000-0000-7000-8000-0000000000ff'))).rejects.toMatchObject({
      code: 'PROCESSOR_KONBINI_PAYMENT_NOT_FOUND',
    });
  });
});
