import { Money } from '@kessai/shared-money';
import { Bill, japanDate } from './bill';
import { BillingException } from './billing.exception';

const valid = {
  merchantId: 'm-1',
  merchantBillNumber: 'INV-1',
  amount: Money.of(1500, 'JPY'),
  dueDate: '2026-12-10',
  allowedPaymentMethods: ['card', 'konbini', 'card'] as ('card' | 'konbini')[],
};

describe('Bill.create', () => {
  it('creates a bill and drops repeated payment methods', () => {
    const bill = Bill.create('b-1', valid, '2026-11-22');
    expect(bill.status).toBe('created');
    expect(bill.allowedPaymentMethods).toEqual(['card', 'konbini']);
  });

  it.each([
    [{ amount: Money.of(0, 'JPY') }, 'BILLING_AMOUNT_INVALID', 'amount'],
    [{ dueDate: '2026-02-30' }, 'BILLING_DUE_DATE_INVALID', 'dueDate'],
    [{ dueDate: '2026-11-21' }, 'BILLING_DUE_DATE_INVALID', 'dueDate'],
    [{ allowedPaymentMethods: [] }, 'BILLING_PAYMENT_METHODS_INVALID', 'allowedPaymentMethods'],
  ])('rejects %o with %s on field %s', (change, code, field) => {
    try {
      Bill.create('b-1', { ...valid, ...change }, '2026-11-22');
      throw new Error('expected a BillingException');
    } catch (error) {
      expect(error).toBeInstanceOf(BillingException);
      expect(error).toMatchObject({ code, field });
    }
  });

  it('counts the day in Japan time', () => {
    expect(japanDate(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
    expect(japanDate(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
  });
});
