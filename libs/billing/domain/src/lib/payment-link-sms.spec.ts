import { randomBytes } from 'node:crypto';
import { paymentLinkSms, smsSegments } from './payment-link-sms';

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
