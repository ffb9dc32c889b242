import { formatAmount } from './format-amount';
import { chooseLocale } from './payment-page-messages';
import { containsCardNumber, konbiniDeadline, viewOfPaymentPage } from './payment-page-state';

describe('the payment page domain', () => {
  it('formats yen without decimals and dollars with cents, from integer minor units', () => {
    expect(formatAmount(1500, 'JPY', 'ja')).toBe('￥1,500');
    expect(formatAmount(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatAmount(1505, 'USD', 'en')).toBe('$15.05');
    expect(formatAmount(5, 'USD', 'en')).toBe('$0.05');
    expect(formatAmount(900719925474099, 'USD', 'en')).toBe('$9,007,199,254,740.99');
  });

  it('shows an open bill as payable until its link expires, and a closed bill as closed', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(viewOfPaymentPage({ status: 'awaiting-payment', linkExpiresAt: null }, now)).toBe('payable');
    expect(viewOfPaymentPage({ status: 'awaiting-payment', linkExpiresAt: new Date('2026-11-21T23:59:59Z') }, now)).toBe('expired');
    expect(viewOfPaymentPage({ status: 'canceled', linkExpiresAt: null }, now)).toBe('canceled');
    expect(viewOfPaymentPage({ status: 'paid', linkExpiresAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('paid');
  });

  it('chooses the language from the query first, then the cookie, then Japanese', () => {
    expect(chooseLocale('en', 'ja')).toBe('en');
    expect(chooseLocale(undefined, 'en')).toBe('en');
    expect(chooseLocale('fr', undefined)).toBe('ja');
  });

  it('makes a konbini slip due at the end of the due date in Japan, or at the link expiry if sooner', () => {
    expect(konbiniDeadline('2026-12-01', null).toISOString()).toBe('2026-12-01T14:59:59.000Z');
    const sooner = new Date('2026-11-30T00:00:00Z');
    expect(konbiniDeadline('2026-12-01', sooner)).toBe(sooner);
  });

  it('recognises a card number in text, spaced or not, and not other long numbers', () => {
    expect(containsCardNumber('{"n":"4111111111111111"}')).toBe(true);
    expect(containsCardNumber('card 4111 1111 1111 1111 ok')).toBe(true);
    expect(containsCardNumber('number=4111111111111111&x=1')).toBe(true);
    expect(containsCardNumber('receipt 12345678901 bill 1763780000000')).toBe(false);
    expect(containsCardNumber('"paymentId":"019aa123-4567-7123-8456-4111111111111111"')).toBe(false);
  });
});

describe('decline reasons', () => {
  it('names the processor codes the customer and billing care about, and keeps unknown ones recognisable', async () => {
    const { declineReasonOf } = await import('./decline-reasons');
    expect(declineReasonOf('51')).toBe('insufficient_funds');
    expect(declineReasonOf('1B')).toBe('challenge_failed');
    expect(declineReasonOf('Z9')).toBe('declined_z9');
    expect(declineReasonOf(undefined)).toBe('declined');
  });
});
