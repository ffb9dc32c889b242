import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { pollUntil } from '@kessai/shared-testing';
import { launchPhoneBrowser, TEST_ARTIFACTS } from '../../apps/payment-screen/test/support/chromium';
import { PlatformStack } from './support/platform-stack';

const VISA = '4111111111111111';
const CUSTOMER_PHONE = '09012345678';
const CUSTOMER_E164 = '+819012345678';
const BLOCKED_PHONE = '09099990000';
const BLOCKED_E164 = '+819099990000';

interface ReceivedWebhook {
  type: string;
  data: { billId?: string };
  signatureValid: boolean;
}

/**
 * A merchant's receiving end: records every webhook and checks its signature as docs/billing-webhooks.md tells
 * merchants to (HMAC-SHA256 over "<t>.<raw body>", constant-time compare, at most 5 minutes old).
 */
class MerchantWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret = '';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = JSON.parse(raw.toString('utf8')) as { type: string; data: { billId?: string } };
        this.received.push({ type: body.type, data: body.data, signatureValid: this.verify(String(req.headers['kessai-signature'] ?? ''), raw) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/kessai-webhooks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  typesFor(billId: string): string[] {
    return this.received.filter((webhook) => webhook.data.billId === billId).map((webhook) => webhook.type);
  }

  private verify(header: string, raw: Buffer): boolean {
    const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
    if (!parts['t'] || !parts['v1'] || Math.abs(Date.now() / 1000 - Number(parts['t'])) > 300) return false;
    const expected = createHmac('sha256', this.secret).update(`${parts['t']}.`).update(raw).digest();
    const given = Buffer.from(parts['v1'], 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/**
 * The whole platform, end to end, every service as a process and every merchant call through the gateway: a
 * merchant uploads bills by CSV, the SMS arrive, a customer pays in Chromium and opts in to automatic payment,
 * the merchant's webhook receives the signed events, the next bill is charged with the mandate, a blocked phone
 * number is declined by screening, a burst on one merchant is throttled while another is unaffected, and the
 * results are exported. The steps run in order and build on each other.
 */
describe('the Kessai platform end to end', () => {
  const platform = new PlatformStack('platform-e2e');
  const webhooks = new MerchantWebhookReceiver();
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let keyA: string;
  let keyB: string;
  const merchantA = 'e2e-merchant-a';
  const merchantB = 'e2e-merchant-b';
  let paidBillId: string;

  beforeAll(async () => {
    const webhookUrl = await webhooks.start();
    await platform.start();
    browser = await launchPhoneBrowser();
    page = await browser.context.newPage();
    keyA = await platform.issueApiKey(merchantA);
    keyB = await platform.issueApiKey(merchantB);
    const endpoint = await platform.merchantCall(keyA, 'PUT', '/webhook-endpoint', { url: webhookUrl });
    expect(endpoint.status).toBe(200);
    webhooks.secret = ((await endpoint.json()) as { secret: string }).secret;
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await webhooks.stop();
    await platform.stop();
  });

  it('accepts a CSV of bills through the gateway, reporting the bad line with its line and column', async () => {
    const csv = [
      'merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods,customerName,customerPhone',
      `E2E-001,5500,JPY,2099-06-30,card|konbini,山田 太郎,${CUSTOMER_PHONE}`,
      'E2E-002,3300,JPY,2099-06-30,card,佐藤 花子,08011112222',
      'E2E-003,12.5,JPY,2099-06-30,card,鈴木 一郎,07033334444',
    ].join('\n');
    const upload = await platform.merchantCall(keyA, 'POST', '/bill-imports', `${csv}\n`, { 'content-type': 'text/csv' });
    expect(upload.status).toBe(202);
    const result = (await upload.json()) as { id: string; accepted: number; rejected: number };
    expect(result).toMatchObject({ accepted: 2, rejected: 1 });
    const errors = await (await platform.merchantCall(keyA, 'GET', `/bill-imports/${result.id}/errors.csv`)).text();
    expect(errors).toMatch(/4,.*amount/);
  });

  it('sends each customer an SMS with the payment link, shown in the development inbox', async () => {
    await pollUntil('both SMS in the inbox', async () => {
      const inbox = await (await fetch(`${platform.billing.baseUrl}/dev/sms-inbox`)).text();
      return inbox.includes(CUSTOMER_E164) && inbox.includes('+818011112222');
    });
  });

  it('lets the customer open the link from the SMS in Chromium, pay by card and opt in to automatic payment', async () => {
    await page.goto(`${platform.billing.baseUrl}/dev/sms-inbox`);
    await page.locator('li', { hasText: CUSTOMER_E164 }).locator('a').first().click();
    await page.waitForSelector('#amount');
    await expect(page.textContent('#amount')).resolves.toBe('￥5,500');
    await page.fill('#card-number', VISA);
    await page.fill('#card-expiry', '12/35');
    await page.fill('#card-cvc', '123');
    await page.check('#save-card');
    await page.click('#pay-by-card');
    await page.waitForSelector('#receipt-title');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'e2e-card-receipt-390x844.png') });

    const bills = (await (await platform.merchantCall(keyA, 'GET', '/bills?merchantBillNumber=E2E-001')).json()) as { items: { id: string }[] };
    paidBillId = bills.items[0].id;
    await pollUntil('the bill to be paid', async () => {
      const bill = (await (await platform.merchantCall(keyA, 'GET', `/bills/${paidBillId}`)).json()) as { status: string };
      return bill.status === 'paid';
    });
  });

  it('posts every state change of the bill to the merchant\'s webhook, each correctly signed', async () => {
    await pollUntil('the paid webhook', async () => webhooks.typesFor(paidBillId).includes('billing.bill.paid'));
    const types = webhooks.typesFor(paidBillId);
    for (const type of ['billing.bill.created', 'billing.bill.sent', 'billing.bill.opened', 'billing.bill.paid']) expect(types).toContain(type);
    expect(webhooks.received.filter((webhook) => !webhook.signatureValid)).toEqual([]);
  });

  it('charges the customer\'s next bill with the mandate: a receipt SMS instead of a payment link', async () => {
    // The opt-in travels payment.mandate.requested → recurring.mandate.created (with the phone) → billing.
    await pollUntil(
      'billing to know the mandate',
      async () => (await platform.namespace.query(`SELECT 1 FROM "${platform.namespace.schema('billing')}".customer_mandate WHERE customer_phone = $1`, [CUSTOMER_E164])).length === 1,
      { timeoutMs: 60_000 },
    );
    const created = await platform.merchantCall(keyA, 'POST', '/bills', {
      merchantBillNumber: 'E2E-NEXT-MONTH',
      amount: 5500,
      currency: 'JPY',
      dueDate: '2099-07-31',
      allowedPaymentMethods: ['card'],
      customerName: '山田 太郎',
      customerPhone: CUSTOMER_PHONE,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await pollUntil('the next bill paid automatically', async () => {
      const bill = (await (await platform.merchantCall(keyA, 'GET', `/bills/${id}`)).json()) as { status: string };
      return bill.status === 'paid';
    }, { timeoutMs: 60_000 });
    const inbox = await pollUntil('the receipt SMS', async () => {
      const html = await (await fetch(`${platform.billing.baseUrl}/dev/sms-inbox`)).text();
      return html.includes('E2E-NEXT-MONTH') ? html : undefined;
    });
    const receipt = inbox.split('<li>').find((item) => item.includes('E2E-NEXT-MONTH')) ?? '';
    expect(receipt).toContain('【領収】');
    expect(receipt).not.toContain('/p/');
    await pollUntil('the paid webhook of the automatic charge', async () => webhooks.typesFor(id).includes('billing.bill.paid'));
  });

  it('declines a card payment from a blocked phone number through credit screening, charging nothing', async () => {
    const operator = async (method: string, path: string, body?: unknown) => {
      const response = await platform.screeningOperator(method, path, body);
      expect(response.status).toBeLessThan(300);
      const text = await response.text();
      return (text ? JSON.parse(text) : {}) as { version?: number };
    };
    const { version } = await operator('POST', '/rule-sets', { rules: [{ id: 'decline-blocked-phone', action: 'decline', when: 'list.block.phone' }] });
    await operator('POST', `/rule-sets/${version}/activate`);
    await operator('POST', '/lists/global/block/entries', { identity: 'phone', value: BLOCKED_E164, reason: 'fraud reported' });
    await operator('PUT', `/operator/merchants/${merchantA}/screening`, { enabled: true, onReview: 'decline' });
    await pollUntil('the screening setting to reach payment-screen', async () => {
      const rows = await platform.namespace.query(`SELECT 1 FROM "${platform.namespace.schema('payment')}".merchant_screening WHERE merchant_id = $1 AND enabled`, [merchantA]);
      return rows.length === 1;
    });

    const created = await platform.merchantCall(keyA, 'POST', '/bills', {
      merchantBillNumber: 'E2E-BLOCKED',
      amount: 9800,
      currency: 'JPY',
      dueDate: '2099-07-31',
      allowedPaymentMethods: ['card'],
      customerPhone: BLOCKED_PHONE,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await pollUntil('the blocked customer\'s SMS', async () => (await (await fetch(`${platform.billing.baseUrl}/dev/sms-inbox`)).text()).includes(BLOCKED_E164));
    await page.goto(`${platform.billing.baseUrl}/dev/sms-inbox`);
    await page.locator('li', { hasText: BLOCKED_E164 }).locator('a').first().click();
    await page.waitForSelector('#amount');
    await page.fill('#card-number', VISA);
    await page.fill('#card-expiry', '12/35');
    await page.fill('#card-cvc', '123');
    await page.click('#pay-by-card');
    // The card is tokenized in the browser first, then the form posts and the attempt's page is shown.
    await page.waitForSelector('#notice-title');
    await expect(page.textContent('#notice-title')).resolves.toBe('このカードでのお支払いはお受けできません');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'e2e-screening-declined-390x844.png') });
    const bill = (await (await platform.merchantCall(keyA, 'GET', `/bills/${id}`)).json()) as { status: string };
    expect(bill.status).not.toBe('paid');
    const authorizations = await platform.namespace.query(`SELECT 1 FROM "${platform.namespace.schema('processor')}".card_authorization WHERE amount = 9800`);
    expect(authorizations).toEqual([]);
  });

  it('throttles a 100x burst on merchant A at once while merchant B notices nothing', async () => {
    const limited = { ratePerSecond: 5, burstMultiple: 2, concurrency: 0, reservedShare: 0, shadow: false };
    expect((await platform.admin('PUT', `/merchants/${merchantA}/limits`, { merchant: limited })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500)); // FLOW_LIMITS_CACHE_MS is 200 in this stack
    const startedAt = Date.now();
    const [burst, others] = await Promise.all([
      Promise.all(Array.from({ length: 200 }, () => platform.merchantCall(keyA, 'GET', `/bills/${paidBillId}`))),
      Promise.all(Array.from({ length: 20 }, () => platform.merchantCall(keyB, 'GET', '/bills?limit=1'))),
    ]);
    const seconds = (Date.now() - startedAt) / 1000;
    const statuses = burst.map((response) => response.status);
    // GCRA: the burst allowance at once, then the rate for as long as the burst lasted (long on a loaded machine).
    const allowed = limited.ratePerSecond * limited.burstMultiple + Math.ceil(limited.ratePerSecond * seconds) + 1;
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(allowed);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(200 - allowed);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    const rejected = burst.find((response) => response.status === 429);
    expect(rejected?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await rejected?.json()).toMatchObject({ error: { code: 'THROTTLE_MERCHANT_RATE_LIMITED' } });
    expect(others.map((response) => response.status)).toEqual(Array(20).fill(200));
  });

  it('exports the merchant\'s results with the paid bill, and nothing of another merchant', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exported = await (await platform.merchantCall(keyA, 'GET', '/bill-exports/bills.csv')).text();
    const paidLine = exported.split('\n').find((line) => line.includes('E2E-001'));
    expect(paidLine).toContain('paid');
    expect(exported).toContain('E2E-002');
    const otherMerchant = await (await platform.merchantCall(keyB, 'GET', '/bill-exports/bills.csv')).text();
    expect(otherMerchant).not.toContain('E2E-00');
  });
});
