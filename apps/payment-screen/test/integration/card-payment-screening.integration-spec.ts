import { pollUntil, ScreeningService } from '@kessai/shared-testing';
import { hiddenField, PageClient } from '../support/page-client';
import { PaymentScreenStack } from '../support/payment-screen-stack';

const VISA = '4111111111111111';
const BLOCKED_PHONE = '+819099990000';

describe('payment-screen asks credit screening before a card authorization', () => {
  const stack = new PaymentScreenStack('payment-screening');
  const screening = new ScreeningService(stack.namespace);
  const unscreenedMerchant = `${stack.merchantId}-off`;

  beforeAll(async () => {
    await screening.start();
    await screening.activateRules([{ id: 'decline-blocked-phone', action: 'decline', when: 'list.block.phone' }]);
    await screening.block('global', 'phone', BLOCKED_PHONE);
    await stack.start({ SCREENING_URL: screening.baseUrl, SCREENING_TIMEOUT_MS: '2000' });
    await screening.setMerchantScreening(stack.merchantId, true);
    await pollUntil('the screening setting to reach payment-screen', async () => {
      const rows = await stack.namespace.query(`SELECT enabled FROM "${stack.namespace.schema('payment')}".merchant_screening WHERE merchant_id = $1`, [stack.merchantId]);
      return rows.length === 1;
    });
  });

  afterAll(async () => {
    await screening.stop();
    await stack.stop();
  });

  const tokenize = async () => {
    const response = await fetch(`${stack.processor.baseUrl}/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: VISA, expMonth: 12, expYear: 2035, securityCode: '123' }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const payByCard = async (bill: { url: string }) => {
    const client = new PageClient();
    const page = await client.get(bill.url);
    const submitted = await client.post(`${bill.url}/card`, { _csrf: hiddenField(page.html, '_csrf'), attemptKey: hiddenField(page.html, 'attemptKey'), cardToken: await tokenize() });
    expect(submitted.status).toBe(303);
    return client.get(`${stack.payment.baseUrl}${submitted.location}`);
  };
  const authorizationsFor = (attemptId: unknown) =>
    stack.namespace.query(`SELECT id FROM "${stack.namespace.schema('processor')}".card_authorization WHERE idempotency_key = $1`, [attemptId]);

  it('declines a card payment from a blocked phone number with a clear page, and sends no authorization', async () => {
    const bill = await stack.createBill({ customerPhone: BLOCKED_PHONE });
    const shown = await payByCard(bill);
    expect(shown.html).toContain('このカードでのお支払いはお受けできません');
    expect(shown.html).toContain('カードへの請求は行われていません');
    expect(shown.html).toContain(`href="/p/${bill.token}"`);
    const [attempt] = await stack.attempts(bill.billId);
    expect(attempt).toMatchObject({ status: 'failed', reason_code: 'screening_declined' });
    expect(await authorizationsFor(attempt.id)).toHaveLength(0);
    const [failed] = await stack.events('payment.payment.failed', bill.billId);
    expect(failed.payload).toMatchObject({ reasonCode: 'screening_declined' });
    expect(await stack.events('payment.payment.authorized', bill.billId)).toHaveLength(0);
  });

  it('authorizes a screened merchant customer the rules let through', async () => {
    const bill = await stack.createBill({ customerPhone: '+819012340000' });
    expect((await payByCard(bill)).html).toContain('お支払いありがとうございました');
    const [attempt] = await stack.attempts(bill.billId);
    expect(await authorizationsFor(attempt.id)).toHaveLength(1);
  });

  it('does not ask for a merchant without screening, even for a blocked phone number', async () => {
    const bill = await stack.createBill({ customerPhone: BLOCKED_PHONE, merchantId: unscreenedMerchant });
    expect((await payByCard(bill)).html).toContain('お支払いありがとうございました');
  });

  it('stops asking once the merchant turns screening off', async () => {
    await screening.setMerchantScreening(stack.merchantId, false);
    await pollUntil('screening to be off in payment-screen', async () => {
      const [row] = await stack.namespace.query<{ enabled: boolean }>(`SELECT enabled FROM "${stack.namespace.schema('payment')}".merchant_screening WHERE merchant_id = $1`, [stack.merchantId]);
      return row?.enabled === false;
    });
    const bill = await stack.createBill({ customerPhone: BLOCKED_PHONE });
    expect((await payByCard(bill)).html).toContain('お支払いありがとうございました');
  });
});
