import { Money } from '@kessai/shared-money';
import { Bill, NewBill } from './bill';
import { BillingException } from './billing.exception';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA';
const valid: NewBill = {
  merchantId: 'm-1',
  merchantBillNumber: 'INV-1',
  amount: Money.of(1500, 'JPY'),
  dueDate: '2026-12-10',
  allowedPaymentMethods: ['card', 'konbini', 'card'],
  customerPhone: '090-1234-5678',
  paymentLinkToken: TOKEN,
};
const now = new Date('2026-11-22T03:00:00Z');
/** The bill a transition returned (null would mean the transition changed nothing). */
const changed = (bill: Bill | null): Bill => {
  if (!bill) throw new Error('expected a transition');
  return bill;
};
const newBill = (change: Partial<NewBill> = {}) => Bill.create('b-1', { ...valid, ...change }, '2026-11-22', now);

describe('Bill.create', () => {
  it('creates a bill, drops repeated payment methods and stores the mobile number in E.164', () => {
    const bill = newBill();
    expect(bill.status).toBe('created');
    expect(bill.allowedPaymentMethods).toEqual(['card', 'konbini']);
    expect(bill.customerPhone).toBe('+819012345678');
  });

  it.each([
    [{ amount: Money.of(0, 'JPY') }, 'BILLING_AMOUNT_INVALID', 'amount'],
    [{ dueDate: '2026-02-30' }, 'BILLING_DUE_DATE_INVALID', 'dueDate'],
    [{ dueDate: '2026-11-21' }, 'BILLING_DUE_DATE_INVALID', 'dueDate'],
    [{ allowedPaymentMethods: [] }, 'BILLING_PAYMENT_METHODS_INVALID', 'allowedPaymentMethods'],
    [{ taxAmount: 1501 }, 'BILLING_TAX_AMOUNT_INVALID', 'taxAmount'],
    [{ lineItems: [{ description: 'Water', quantity: 2, unitAmount: 700 }] }, 'BILLING_LINE_ITEMS_INVALID', 'lineItems'],
    [{ sendAt: new Date('2026-12-10T15:00:00Z') }, 'BILLING_SEND_AT_INVALID', 'sendAt'],
    [{ customerPhone: '03-1234-5678' }, 'BILLING_PHONE_INVALID', 'customerPhone'],
    [{ paymentLinkToken: 'short' }, 'BILLING_PAYMENT_LINK_INVALID', 'paymentLinkToken'],
  ])('rejects %o with %s on field %s', (change, code, field) => {
    try {
      newBill(change as Partial<NewBill>);
      throw new Error('expected a BillingException');
    } catch (error) {
      expect(error).toBeInstanceOf(BillingException);
      expect(error).toMatchObject({ code, field });
    }
  });

  it('accepts line items that add up to the amount', () => {
    expect(newBill({ lineItems: [{ description: 'Water', quantity: 2, unitAmount: 750 }] }).lineItems).toHaveLength(1);
  });

  it('lets the payment link expire when the due date ends in Japan', () => {
    expect(newBill().paymentLinkExpiresAt.toISOString()).toBe('2026-12-10T15:00:00.000Z');
  });
});

describe('Bill lifecycle', () => {
  const paid = { paymentId: 'pay-1', paymentMethod: 'card' as const, paidAt: now };

  it('goes created → scheduled → sent → opened → paid', () => {
    const bill = changed(changed(newBill().schedule().markSent(now).markOpened(now)).markPaid(paid));
    expect(bill.status).toBe('paid');
    expect(bill.payment).toEqual(paid);
  });

  it('counts only the first opening', () => {
    const opened = changed(newBill().markOpened(now));
    expect(opened.status).toBe('opened');
    expect(opened.markOpened(new Date())).toBeNull();
  });

  it('keeps an opened bill opened when a reminder is sent', () => {
    const opened = changed(newBill().markOpened(now));
    expect(opened.schedule().markSent(now).status).toBe('opened');
  });

  it('treats the same payment twice as nothing new, and a second payment as a conflict', () => {
    const bill = changed(newBill().markPaid(paid));
    expect(bill.markPaid(paid)).toBeNull();
    expect(() => bill.markPaid({ ...paid, paymentId: 'pay-2' })).toThrow(expect.objectContaining({ code: 'BILLING_BILL_ALREADY_PAID_CONFLICT' }));
  });

  it('refuses to cancel a paid bill', () => {
    expect(() => changed(newBill().markPaid(paid)).cancel(now)).toThrow(expect.objectContaining({ code: 'BILLING_BILL_TRANSITION_NOT_ALLOWED' }));
  });

  it('expires only once the due date has ended in Japan', () => {
    expect(() => newBill().expire(new Date('2026-12-10T14:59:59Z'))).toThrow(BillingException);
    expect(newBill().expire(new Date('2026-12-10T15:00:00Z')).status).toBe('expired');
  });

  it('still records a konbini payment that arrives after expiry', () => {
    const expired = newBill().expire(new Date('2026-12-11T00:00:00Z'));
    expect(changed(expired.markPaid({ ...paid, paymentMethod: 'konbini' })).status).toBe('paid');
  });

  it('records a failed payment attempt and stays open', () => {
    const bill = changed(newBill().markOpened(now)).recordFailedPayment();
    expect(bill.status).toBe('opened');
    expect(bill.failedPaymentAttempts).toBe(1);
  });

  it('refuses to schedule an SMS for a bill without a mobile number', () => {
    expect(() => newBill({ customerPhone: undefined }).schedule()).toThrow(expect.objectContaining({ code: 'BILLING_PHONE_INVALID' }));
  });
});

describe('a bill charged with the customer\'s mandate', () => {
  const payment = { paymentId: 'auth-1', paymentMethod: 'card' as const, paidAt: now };

  it('is charged to the mandate instead of being scheduled, and is paid once by the authorization', () => {
    const requested = newBill().requestAutoCharge('mandate-1');
    expect(requested.status).toBe('created');
    expect(requested.awaitsAutoCharge).toBe(true);
    const paid = changed(requested.markAutoChargeAuthorized(payment));
    expect(paid.status).toBe('paid');
    expect(paid.autoCharge).toEqual({ mandateId: 'mandate-1', status: 'authorized' });
    expect(paid.markAutoChargeAuthorized(payment)).toBeNull();
  });

  it('falls back to its payment link when the charge is declined, and records the decline once', () => {
    const declined = changed(newBill().requestAutoCharge('mandate-1').markAutoChargeDeclined('51'));
    expect(declined.autoCharge).toEqual({ mandateId: 'mandate-1', status: 'declined', declineCode: '51' });
    expect(declined.failedPaymentAttempts).toBe(1);
    expect(declined.awaitsAutoCharge).toBe(false);
    expect(declined.schedule().status).toBe('scheduled');
    expect(declined.markAutoChargeDeclined('51')).toBeNull();
  });

  it('refuses to charge automatically a bill already scheduled, and an answer for a bill never charged so', () => {
    expect(() => newBill().schedule().requestAutoCharge('mandate-1')).toThrow(BillingException);
    expect(() => newBill().markAutoChargeAuthorized(payment)).toThrow(expect.objectContaining({ code: 'BILLING_AUTO_CHARGE_NOT_REQUESTED' }));
  });

  it('is not paid by a charge that arrives after the bill was canceled: the money must be refunded', () => {
    const canceled = newBill().requestAutoCharge('mandate-1').cancel(now);
    expect(() => canceled.markAutoChargeAuthorized(payment)).toThrow(expect.objectContaining({ code: 'BILLING_BILL_TRANSITION_NOT_ALLOWED' }));
    expect(canceled.markAutoChargeDeclined('51')).toBeNull();
  });
});
