import { FixedClock } from '@kessai/shared-clock';
import { FakeWalletPayments, walletPayment } from '../../wallet-payments.fake';
import { StartWalletPaymentCommand } from './start-wallet-payment.command';
import { StartWalletPaymentHandler } from './start-wallet-payment.handler';

describe('StartWalletPaymentHandler', () => {
  let payments: FakeWalletPayments;
  let handler: StartWalletPaymentHandler;

  beforeEach(() => {
    payments = new FakeWalletPayments();
    handler = new StartWalletPaymentHandler(payments.asRepository(), new FixedClock('2026-11-22T03:00:00Z'));
  });

  it('starts a payment pending the customer decision and stores it', async () => {
    const payment = await handler.execute(new StartWalletPaymentCommand('m-1', 1200, 'JPY', 'https://shop.example/return', 'wallet-1'));
    expect(payment).toMatchObject({ status: 'pending', decidedAt: null, amount: 1200, returnUrl: 'https://shop.example/return' });
    expect(payments.rows.get(payment.id)).toMatchObject({ status: 'pending', idempotencyKey: 'wallet-1', createdAt: new Date('2026-11-22T03:00:00Z') });
  });

  it('answers the payment already started for the same idempotency key', async () => {
    const existing = walletPayment();
    await payments.insert(existing);
    const payment = await handler.execute(new StartWalletPaymentCommand('m-1', 1200, 'JPY', 'https://shop.example/other', 'wallet-1'));
    expect(payment.id).toBe(existing.id);
    expect(payments.rows.size).toBe(1);
  });

  it('refuses an idempotency key reused for another currency', async () => {
    await payments.insert(walletPayment());
    await expect(handler.execute(new StartWalletPaymentCommand('m-1', 1200, 'USD', 'https://shop.example/return', 'wallet-1'))).rejects.toMatchObject({
      code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT',
      field: 'idempotencyKey',
    });
  });

  it('lets another merchant use the same idempotency key', async () => {
    await payments.insert(walletPayment());
    const payment = await handler.execute(new StartWalletPaymentCommand('m-2', 900, 'JPY', 'https://shop.example/return', 'wallet-1'));
    expect(payment.merchantId).toBe('m-2');
    expect(payments.rows.size).toBe(2);
  });
});
