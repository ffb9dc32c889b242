import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const body = '{"id":"e-1","type":"billing.bill.paid"}';

  it('is HMAC-SHA256 over "<timestamp>.<body>", hex, with the timestamp beside it', () => {
    const expected = createHmac('sha256', 'whsec').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('whsec', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature and refuses a changed body, another secret or an old timestamp', () => {
    const header = signWebhook('whsec', body, 1700000000);
    expect(verifyWebhook('whsec', body, header, 1700000100)).toBe(true);
    expect(verifyWebhook('whsec', `${body} `, header, 1700000100)).toBe(false);
    expect(verifyWebhook('other', body, header, 1700000100)).toBe(false);
    expect(verifyWebhook('whsec', body, header, 1700000000 + 301)).toBe(false);
    expect(verifyWebhook('whsec', body, 'garbage', 1700000000)).toBe(false);
  });
});
