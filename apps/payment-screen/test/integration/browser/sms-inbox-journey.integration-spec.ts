import { join } from 'node:path';
import { statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort, pollUntil, ServiceProcess } from '@kessai/shared-testing';
import { launchPhoneBrowser, TEST_ARTIFACTS } from '../../support/chromium';
import { PaymentScreenStack } from '../../support/payment-screen-stack';

const VISA = '4111111111111111';

/**
 * The whole journey as a customer lives it, every service a real process: the merchant creates a bill in
 * billing-requests, the SMS arrives in the development inbox, the customer taps the link, pays by card on the
 * payment screen (opting in to pay automatically) and sees the receipt; the next bill is charged by the
 * recurring engine and only a receipt SMS arrives.
 */
describe('from the SMS inbox to the receipt in Chromium', () => {
  const stack = new PaymentScreenStack('payment-sms-journey');
  let billing: ServiceProcess;
  let engine: ServiceProcess;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  const phone = '+819088887777';

  beforeAll(async () => {
    // Four services start on a machine shared with other work: give them time.
    await stack.start({}, 180_000);
    billing = new ServiceProcess(
      'billing-requests',
      await freePort(),
      stack.namespace.serviceEnvironment('billing', {
        PAYMENT_SCREEN_PUBLIC_URL: stack.payment.baseUrl,
        SMS_WINDOW_START_HOUR: '0',
        SMS_WINDOW_END_HOUR: '24',
        WEBHOOK_DELIVERY_INTERVAL_MS: '0',
      }),
    ).start();
    engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      stack.namespace.serviceEnvironment('recurring', { RECURRING_PROCESSOR_URL: stack.processor.baseUrl }),
    ).start();
    await billing.waitUntilReady(180_000);
    await engine.waitUntilReady(180_000);
    ({ context, close } = await launchPhoneBrowser());
    page = await context.newPage();
  }, 600_000);

  afterAll(async () => {
    await close?.();
    await Promise.all([billing?.stop('SIGKILL'), engine?.stop('SIGKILL')]);
    await stack.stop();
  });

  const createBill = async (merchantBillNumber: string, amount: number) => {
    const response = await fetch(`${billing.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': stack.merchantId },
      body: JSON.stringify({
        merchantBillNumber,
        amount,
        currency: 'JPY',
        taxAmount: Math.floor(amount / 11),
        dueDate: '2099-12-31',
        allowedPaymentMethods: ['card', 'konbini'],
        customerName: '山田 太郎',
        customerPhone: '090-8888-7777',
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
  const billStatus = async (id: string) =>
    ((await (await fetch(`${billing.baseUrl}/bills/${id}`, { headers: { 'x-kessai-merchant-id': stack.merchantId } })).json()) as { status: string }).status;
  const inboxMessages = () =>
    stack.namespace.query<{ body: string }>(`SELECT body FROM "${stack.namespace.schema('billing')}".dev_sms_inbox WHERE to_phone = $1 ORDER BY received_at`, [phone]);

  it('opens the SMS from the development inbox, taps the link, pays by card and sees the receipt; the next bill is charged automatically with a receipt SMS', async () => {
    const bill = await createBill('JOURNEY-1', 5500);
    await pollUntil('the link SMS in the inbox', async () => (await inboxMessages()).length === 1, { timeoutMs: 60_000 });

    await page.goto(`${billing.baseUrl}/dev/sms-inbox`);
    const link = page.locator('li', { hasText: phone }).locator('a').first();
    await expect(link.getAttribute('href')).resolves.toMatch(new RegExp(`^${stack.payment.baseUrl}/p/[A-Za-z0-9_-]{22}$`));
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'sms-inbox-390x844.png') });
    // The payment page is prepared from billing's created event; the customer may be quicker than Kafka.
    await pollUntil('the payment page', async () => (await fetch((await link.getAttribute('href')) as string)).status === 200, { timeoutMs: 30_000 });
    await link.tap();
    await page.waitForSelector('#amount');
    await expect(page.textContent('#amount')).resolves.toBe('￥5,500');
    await page.fill('#card-number', VISA);
    await page.fill('#card-expiry', '12/35');
    await page.fill('#card-cvc', '123');
    await page.check('#save-card');
    await page.tap('#pay-by-card');
    await page.waitForSelector('#receipt-title');
    await expect(page.textContent('#receipt-title')).resolves.toBe('お支払いありがとうございました');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'sms-journey-receipt-390x844.png') });
    expect(statSync(join(TEST_ARTIFACTS, 'sms-journey-receipt-390x844.png')).size).toBeGreaterThan(10_000);
    // billing hears of the payment (payment.payment.authorized.v1) and of the mandate (recurring.mandate.created.v1)
    await pollUntil('the bill paid in billing', async () => (await billStatus(bill.id)) === 'paid', { timeoutMs: 60_000 });
    await pollUntil(
      'billing to know the mandate',
      async () => (await stack.namespace.query(`SELECT 1 FROM "${stack.namespace.schema('billing')}".customer_mandate WHERE customer_phone = $1`, [phone])).length === 1,
      { timeoutMs: 60_000 },
    );

    const next = await createBill('JOURNEY-2', 6600);
    await pollUntil('the next bill charged automatically', async () => (await billStatus(next.id)) === 'paid', { timeoutMs: 60_000 });
    const messages = await pollUntil('the receipt SMS', async () => {
      const received = await inboxMessages();
      return received.length === 2 ? received : undefined;
    });
    expect(messages[1].body).toBe('【領収】ご請求¥6,600を登録カードでお支払いしました 請求番号JOURNEY-2');
    await page.goto(`${billing.baseUrl}/dev/sms-inbox`);
    await expect(page.locator('li', { hasText: '【領収】' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'sms-inbox-receipt-390x844.png') });
  }, 300_000);
});
