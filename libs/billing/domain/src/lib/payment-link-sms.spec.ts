import { randomBytes } from 'node:crypto';
import { paymentLinkSms, receiptSms, smsSegments } from './payment-link-sms';

describe('paymentLinkSms', () => {
  const url = `https://pay.kessai.jp/p/${randomBytes(16).toString('base64url')}`;

  it('fits a Japanese payment link message with a 128-bit link into one 70-character UCS-2 segment', () => {
    const text = paymentLinkSms({ kind: 'payment-link', amount: 1234567, currency: 'JPY', dueDate: '2026-12-31', url });
    expect(text).toContain(url);
    expect(text).toContain('¥1,234,567');
    expect(smsSegments(text)).toEqual({ encoding: 'UCS-2', units: text.length, segments: 1 });
  });

  it('fits the reminder too', () => {
    const text = paymentLinkSms({ kind: 'reminder', amount: 99999, currency: 'JPY', dueDate: '2026-12-31', url });
    expect(smsSegments(text).segments).toBe(1);
  });

  it('counts a 71-character Japanese text as two segments and plain ASCII as GSM-7', () => {
    expect(smsSegments('あ'.repeat(71)).segments).toBe(2);
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
  });
});

describe('receiptSms', () => {
  it('tells in Japanese, in one UCS-2 segment, that the bill was paid with the registered card', () => {
    const text = receiptSms({ amount: 1234567, currency: 'JPY', merchantBillNumber: 'INV-2026-12-000123' });
    expect(text).toBe('【領収】ご請求¥1,234,567を登録カードでお支払いしました 請求番号INV-2026-12-000123');
    expect(smsSegments(text)).toEqual({ encoding: 'UCS-2', units: text.length, segments: 1 });
  });

  it('leaves out a bill number too long for one segment and still fits the largest JPY amount', () => {
    const text = receiptSms({ amount: 9_999_999_999, currency: 'JPY', merchantBillNumber: 'N'.repeat(64) });
    expect(text).not.toContain('請求番号');
    expect(text).toContain('¥9,999,999,999');
    expect(smsSegments(text).segments).toBe(1);
  });
});
