import { join } from 'node:path';
import { statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { pollUntil } from '@kessai/shared-testing';
import { launchPhoneBrowser, TEST_ARTIFACTS } from '../../support/chromium';
import { PaymentScreenStack } from '../../support/payment-screen-stack';

const VISA = '4111111111111111';
const CHALLENGE_CARD = '4000000000003220';

/** A customer on a phone: opens the payment link, pays, sees the result. */
describe('the payment screen in Chromium', () => {
  const stack = new PaymentScreenStack('payment-browser');
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  /** Everything the browser sent to payment-screen, and every CSP violation it reported. */
  const sentToUs: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    await stack.start();
    ({ context, close } = await launchPhoneBrowser());
  });

  afterAll(async () => {
    await close?.();
    await stack.stop();
  });

  beforeEach(async () => {
    await context.clearCookies();
    page = await context.newPage();
    page.on('request', (request) => {
      if (request.url().startsWith(stack.payment.baseUrl)) sentToUs.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`);
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
  });

  afterEach(() => page.close());

  const fillCard = async (number: string) => {
    await page.fill('#card-number', number);
    await page.fill('#card-expiry', '12/35');
    await page.fill('#card-cvc', '123');
  };

  it('opens the payment link, pays by card and shows the receipt, with no card number sent to our server', async () => {
    const bill = await stack.createBill({ customerPhone: '+819012345678' });
    await page.goto(bill.url);
    await expect(page.textContent('#amount')).resolves.toBe('￥10,800');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'payment-page-390x844.png'), fullPage: false });
    await fillCard(VISA);
    await page.check('#save-card');
    await page.click('#pay-by-card');
    await page.waitForSelector('#receipt-title');
    await expect(page.textContent('#receipt-title')).resolves.toBe('お支払いありがとうございました');
    await expect(page.textContent('#receipt-method')).resolves.toContain('1111');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'card-receipt-390x844.png') });

    expect(sentToUs.some((line) => line.includes('cardToken='))).toBe(true);
    expect(sentToUs.filter((line) => line.includes(VISA) || line.includes('4111+1111'))).toEqual([]);
    expect(await stack.events('payment.mandate.requested', bill.billId)).toHaveLength(1);
    expect(cspViolations).toEqual([]);
    expect(statSync(join(TEST_ARTIFACTS, 'payment-page-390x844.png')).size).toBeGreaterThan(10_000);
  });

  it('takes the 3-D Secure card through the challenge and shows the receipt', async () => {
    const bill = await stack.createBill();
    await page.goto(bill.url);
    await fillCard(CHALLENGE_CARD);
    await page.click('#pay-by-card');
    await page.waitForURL(/\/v1\/challenges\//);
    await page.click('#pass');
    await page.waitForSelector('#result');
    const [attempt] = await stack.attempts(bill.billId);
    await page.goto(`${bill.url}/attempts/${attempt['id']}`);
    await expect(page.textContent('#receipt-title')).resolves.toBe('お支払いありがとうございました');
    await pollUntil('the authorized event', async () => (await stack.events('payment.payment.authorized', bill.billId)).length === 1);
  });

  it('issues a konbini slip with a barcode, and shows the bill paid once the store terminal reports the payment', async () => {
    const bill = await stack.createBill();
    await page.goto(bill.url);
    await page.selectOption('#konbini-chain', 'seven-eleven');
    await page.click('#issue-slip');
    await page.waitForSelector('#konbini-slip');
    await expect(page.textContent('#slip-chain')).resolves.toBe('セブン-イレブン');
    expect(await page.textContent('#slip-receipt-number')).toMatch(/^\d{11}$/);
    expect(await page.locator('#slip-barcode svg').count()).toBe(1);
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'konbini-slip-390x844.png'), fullPage: true });

    const [attempt] = await stack.attempts(bill.billId);
    await stack.payAtStore(String(attempt['processor_ref']));
    await pollUntil('the captured event', async () => (await stack.events('payment.payment.captured', bill.billId)).length === 1);
    await page.goto(bill.url);
    await expect(page.textContent('#notice-title')).resolves.toBe('お支払いが完了しました');
  });

  it('shows an expired link as expired, without a payment form', async () => {
    const bill = await stack.createBill();
    await stack.closeBill(bill.billId, 'expired');
    const response = await page.goto(bill.url);
    expect(response?.status()).toBe(410);
    await expect(page.textContent('#notice-title')).resolves.toBe('お支払い期限が過ぎました');
    expect(await page.locator('form').count()).toBe(0);
  });

  it('switches to English and stays in English on the next visit', async () => {
    const bill = await stack.createBill();
    await page.goto(bill.url);
    await expect(page.textContent('#pay-by-card')).resolves.toBe('カードで支払う');
    await page.click('#switch-language');
    await expect(page.textContent('#pay-by-card')).resolves.toBe('Pay by card');
    await expect(page.textContent('#amount')).resolves.toBe('¥10,800');
    await page.goto(bill.url);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'payment-page-english-390x844.png') });
  });
});
