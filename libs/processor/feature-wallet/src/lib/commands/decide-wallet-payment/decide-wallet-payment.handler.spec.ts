import type { DataSource, EntityManager } from 'typeorm';
import type { WebhookOutbox } from '@kessai/processor-data-access';
import { FixedClock } from '@kessai/shared-clock';
import { FakeWalletPayments, walletPayment } from '../../wallet-payments.fake';
import { DecideWalletPaymentCommand } from './decide-wallet-payment.command';
import { DecideWalletPaymentHandler } from './decide-wallet-payment.handler';

describe('DecideWalletPaymentHandler', () => {
  const transaction = {} as EntityManager;
  const dataSource = { transaction: (work: (tx: EntityManager) => Promise<unknown>) => work(transaction) } as DataSource;
  const now = new Date('2026-11-22T03:05:00Z');
  const pending = walletPayment();
  let payments: FakeWalletPayments;
  let add: jest.Mock;
  let handler: DecideWalletPaymentHandler;

  beforeEach(async () => {
    payments = new FakeWalletPayments();
    await payments.insert(pending);
    add = jest.fn();
    handler = new DecideWalletPaymentHandler(dataSource, payments.asRepository(), { add } as unknown as WebhookOutbox, new FixedClock(now));
  });

  it('approves a pending payment, queues wallet.approved and sends the customer back with the result', async () => {
    const { payment, returnTo } = await handler.execute(new DecideWalletPaymentCommand(pending.id, 'approved'));
    expect(payment).toMatchObject({ status: 'approved', decidedAt: now });
    expect(payments.rows.get(pending.id)).toMatchObject({ status: 'approved', decidedAt: now });
    expect(add).toHaveBeenCalledWith(transaction, 'wallet.approved', 'm-1', { paymentId: pending.id, amount: 1200, currency: 'JPY', status: 'approved' }, now);
    const back = new URL(returnTo);
    expect(back.origin + back.pathname).toBe('https://shop.example/return');
    expect(Object.fromEntries(back.searchParams)).toEqual({ order: '42', paymentId: pending.id, status: 'approved' });
  });

  it('cancels a pending payment and queues wallet.canceled', async () => {
    const { returnTo } = await handler.execute(new DecideWalletPaymentCommand(pending.id, 'canceled'));
    expect(payments.rows.get(pending.id)?.status).toBe('canceled');
    expect(add).toHaveBeenCalledWith(transaction, 'wallet.canceled', 'm-1', expect.objectContaining({ status: 'canceled' }), now);
    expect(new URL(returnTo).searchParams.get('status')).toBe('canceled');
  });

  it('refuses a second decision on the same payment and keeps the first', async () => {
    await handler.execute(new DecideWalletPaymentCommand(pending.id, 'approved'));
    await expect(handler.execute(new DecideWalletPaymentCommand(pending.id, 'canceled'))).rejects.toMatchObject({
      code: 'PROCESSOR_WALLET_PAYMENT_NOT_ALLOWED',
      field: 'paymentId',
    });
    expect(payments.rows.get(pending.id)?.status).toBe('approved');
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('answers PROCESSOR_WALLET_PAYMENT_NOT_FOUND for an unknown payment', async () => {
    await expect(handler.execute(new DecideWalletPaymentCommand('0193a000-0000-7000-8000-0000000000ff', 'approved'))).rejects.toMatchObject({
      code: 'PROCESSOR_WALLET_PAYMENT_NOT_FOUND',
    });
    expect(add).not.toHaveBeenCalled();
  });
});
