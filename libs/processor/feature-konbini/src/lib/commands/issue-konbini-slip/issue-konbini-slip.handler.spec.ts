import { FixedClock } from '@kessai/shared-clock';
import { FakeKonbiniPayments, konbiniSlip } from '../../konbini-payments.fake';
import { IssueKonbiniSlipCommand } from './issue-konbini-slip.command';
import { IssueKonbiniSlipHandler } from './issue-konbini-slip.handler';

describe('IssueKonbiniSlipHandler', () => {
  const deadline = new Date('2026-12-01T15:00:00Z');
  let payments: FakeKonbiniPayments;
  let handler: IssueKonbiniSlipHandler;

  beforeEach(() => {
    payments = new FakeKonbiniPayments();
    handler = new IssueKonbiniSlipHandler(payments.asRepository(), new FixedClock('2026-11-22T03:00:00Z'));
  });

  it('issues a slip awaiting payment with an 11-digit receipt number and a 6-digit confirmation number', async () => {
    const slip = await handler.execute(new IssueKonbiniSlipCommand('m-1', 3980, 'JPY', 'lawson', deadline, 'slip-1'));
    expect(slip).toMatchObject({ merchantId: 'm-1', amount: 3980, chain: 'lawson', status: 'awaiting_payment', paidAt: null, deadline });
    expect(slip.receiptNumber).toMatch(/^\d{11}$/);
    expect(slip.confirmationNumber).toMatch(/^\d{6}$/);
    expect(payments.rows.get(slip.id)).toMatchObject({ status: 'awaiting_payment', idempotencyKey: 'slip-1' });
  });

  it('refuses a deadline that is not in the future and stores nothing', async () => {
    const command = new IssueKonbiniSlipCommand('m-1', 3980, 'JPY', 'lawson', new Date('2026-11-22T03:00:00Z'), 'slip-1');
    await expect(handler.execute(command)).rejects.toMatchObject({ code: 'PROCESSOR_KONBINI_PAYMENT_NOT_ALLOWED', field: 'deadline' });
    expect(payments.rows.size).toBe(0);
  });

  it('answers the slip already issued for the same idempotency key instead of issuing a second one', async () => {
    const existing = konbiniSlip();
    await payments.insert(existing);
    const slip = await handler.execute(new IssueKonbiniSlipCommand('m-1', 3980, 'JPY', 'lawson', deadline, 'slip-1'));
    expect(slip.id).toBe(existing.id);
    expect(payments.rows.size).toBe(1);
  });

  it('refuses an idempotency key reused for another amount', async () => {
    await payments.insert(konbiniSlip());
    await expect(handler.execute(new IssueKonbiniSlipCommand('m-1', 5000, 'JPY', 'lawson', deadline, 'slip-1'))).rejects.toMatchObject({
      code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT',
      field: 'idempotencyKey',
    });
  });

  it('refuses an idempotency key reused for another chain', async () => {
    await payments.insert(konbiniSlip());
    await expect(handler.execute(new IssueKonbiniSlipCommand('m-1', 3980, 'JPY', 'seven-eleven', deadline, 'slip-1'))).rejects.toMatchObject({
      code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT',
    });
  });
});
