import { execFileSync } from 'node:child_process';
import { PROCESSOR_SIGNATURE_HEADER, signProcessorPayload } from '@kessai/processor-contracts';
import { containsCardNumber } from '@kessai/payment-domain';
import { newId } from '@kessai/shared-ids';
import { pollUntil } from '@kessai/shared-testing';
import { hiddenField, PageClient } from '../support/page-client';
import { PaymentScreenStack, SIGNING_SECRET } from '../support/payment-screen-stack';

const VISA = '4111111111111111';
const CHALLENGE_CARD = '4000000000003220';
const DECLINED_CARD = '4000000000009995';

describe('payment-screen pages and payments through processor-sim', () => {
  const stack = new PaymentScreenStack('payment-pages');

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** What the processor's browser script does: the card goes to the processor, the page gets a token. */
  const tokenize = async (number: string) => {
    const response = await fetch(`${stack.processor.baseUrl}/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number, expMonth: 12, expYear: 2035, securityCode: '123' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  };

  const openBill = async (client: PageClient, url: string) => {
    const page = await client.get(url);
    expect(page.status).toBe(200);
    return { html: page.html, csrf: hiddenField(page.html, '_csrf'), attemptKey: hiddenField(page.html, 'attemptKey') };
  };

  it('shows the bill in Japanese with amounts from minor units, tax, line items and a strict CSP, and publishes the first opening once', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const first = await client.get(bill.url);
    expect(first.status).toBe(200);
    expect(first.html).toContain('<html lang="ja">');
    expect(first.html).toContain('￥10,800');
    expect(first.html).toContain('￥982');
    expect(first.html).toContain('水道料金 11月分');
    expect(first.html).toContain('￥1,000');
    expect(first.html).toContain('2099年12月31日');
    expect(first.html).toContain('毎月のご利用ありがとうございます。');
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain(`script-src 'nonce-${nonce}' ${stack.processor.baseUrl}`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(first.html).toContain(`<script src="${stack.processor.baseUrl}/v1/tokenize.js" nonce="${nonce}">`);
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');

    await client.get(bill.url);
    await pollUntil('the opened event', async () => (await stack.events('payment.payment-page.opened', bill.billId)).length > 0);
    expect(await stack.events('payment.payment-page.opened', bill.billId)).toHaveLength(1);
  });

  it('switches to English with ?lang=en and remembers the choice in a cookie', async () => {
    const bill = await stack.createBill({ amount: 1505, currency: 'USD', methods: ['card'] });
    const client = new PageClient();
    const english = await client.get(`${bill.url}?lang=en`);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('$15.05');
    expect(english.html).toContain('Pay by card');
    const again = await client.get(bill.url);
    expect(again.html).toContain('<html lang="en">');
    expect((await new PageClient().get(bill.url)).html).toContain('<html lang="ja">');
  });

  it('answers an unknown link with a 404 page, and a paid, expired or canceled bill with a clear page and no form', async () => {
    const unknown = await new PageClient().get(`${stack.payment.baseUrl}/p/${'x'.repeat(22)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('ページが見つかりません');

    const expiring = await stack.createBill();
    await stack.closeBill(expiring.billId, 'expired');
    const expired = await new PageClient().get(expiring.url);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('お支払い期限が過ぎました');
    expect(expired.html).not.toContain('<form');

    const canceling = await stack.createBill();
    await stack.closeBill(canceling.billId, 'canceled');
    expect((await new PageClient().get(canceling.url)).html).toContain('この請求は取り消されました');

    // Paid elsewhere (billing says so): the link shows the bill paid; a late expiry does not reopen or hide that.
    const paidElsewhere = await stack.createBill();
    await stack.closeBill(paidElsewhere.billId, 'paid');
    const paid = await new PageClient().get(paidElsewhere.url);
    expect(paid.status).toBe(200);
    expect(paid.html).toContain('お支払いが完了しました');
    expect(paid.html).not.toContain('<form');

    const pastLink = await stack.createBill({ linkExpiresAt: '2020-01-01T00:00:00Z' });
    expect((await new PageClient().get(pastLink.url)).html).toContain('お支払い期限が過ぎました');
  });

  it('pays by card with a one-time token, shows the receipt, publishes authorized and the mandate request, and shows the bill paid afterwards', async () => {
    const bill = await stack.createBill({ customerPhone: '+819012345678' });
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const submitted = await client.post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken: await tokenize(VISA), saveCard: 'yes' });
    expect(submitted.status).toBe(303);
    const receipt = await client.get(`${stack.payment.baseUrl}${submitted.location}`);
    expect(receipt.html).toContain('お支払いありがとうございました');
    expect(receipt.html).toContain('•••• 1111');

    const [authorized] = await stack.events('payment.payment.authorized', bill.billId);
    expect(authorized.payload).toMatchObject({ billId: bill.billId, amount: 10800, currency: 'JPY', paymentMethod: 'card', phone: '+819012345678' });
    expect(authorized.payload['cardRef']).toEqual(expect.any(String));
    const [mandate] = await stack.events('payment.mandate.requested', bill.billId);
    expect(mandate.payload).toMatchObject({ customerPhone: '+819012345678', cardRef: authorized.payload['cardRef'], billId: bill.billId });
    expect((await client.get(bill.url)).html).toContain('お支払いが完了しました');
  });

  it('charges once when the same card form is submitted twice at the same time', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const cardToken = await tokenize(VISA);
    const [one, two] = await Promise.all([
      client.post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken }),
      client.post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken }),
    ]);
    expect(one.location).toBe(two.location);
    await pollUntil('the attempt to finish', async () => (await stack.attempts(bill.billId))[0]?.['status'] !== 'pending');
    expect(await stack.attempts(bill.billId)).toHaveLength(1);
    expect((await stack.attempts(bill.billId))[0]['status']).toBe('authorized');
    expect(await stack.events('payment.payment.authorized', bill.billId)).toHaveLength(1);
    const authorizations = await stack.namespace.query(
      `SELECT count(*)::int AS n FROM "${stack.namespace.schema('processor')}".card_authorization WHERE idempotency_key = $1`,
      [(await stack.attempts(bill.billId))[0]['id']],
    );
    expect(authorizations[0]).toEqual({ n: 1 });
  });

  it('charges once when two tabs pay the same bill at the same time, and refuses a stale form afterwards', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const tabs = [await openBill(client, bill.url), await openBill(client, bill.url)];
    const tokens = await Promise.all([tokenize(VISA), tokenize(VISA)]);
    await Promise.all(tabs.map((tab, i) => client.post(`${bill.url}/card`, { _csrf: tab.csrf, attemptKey: tab.attemptKey, cardToken: tokens[i] })));

    expect(await stack.events('payment.payment.authorized', bill.billId)).toHaveLength(1);
    const attemptIds = (await stack.attempts(bill.billId)).map((attempt) => attempt['id']);
    const stillApproved = await stack.namespace.query(
      `SELECT count(*)::int AS n FROM "${stack.namespace.schema('processor')}".card_authorization WHERE idempotency_key = ANY($1) AND status = 'approved'`,
      [attemptIds],
    );
    expect(stillApproved[0]).toEqual({ n: 1 });
    // The tab that lost the race (if it got as far as the processor) had its authorization cancelled.
    const outcomes = (await stack.attempts(bill.billId)).map((attempt) => `${attempt['status']}:${attempt['reason_code']}`).sort();
    expect(outcomes[0]).toBe('authorized:null');
    expect(outcomes.slice(1).every((outcome) => outcome === 'failed:already_paid')).toBe(true);

    const stale = await openBill(client, `${stack.payment.baseUrl}/p/${bill.token}`).catch(() => undefined);
    expect(stale).toBeUndefined();
    const late = await client.post(`${bill.url}/card`, { _csrf: tabs[0].csrf, attemptKey: 'a-later-attempt-key', cardToken: await tokenize(VISA) });
    expect(late.html).toContain('お支払いが完了しました');
    expect(await stack.attempts(bill.billId)).toHaveLength(attemptIds.length);
  });

  it('publishes a failed payment with the decline reason and offers to try again', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const submitted = await client.post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken: await tokenize(DECLINED_CARD) });
    const page = await client.get(`${stack.payment.baseUrl}${submitted.location}`);
    expect(page.html).toContain('お支払いできませんでした');
    const [failed] = await stack.events('payment.payment.failed', bill.billId);
    expect(failed.payload).toMatchObject({ reasonCode: 'insufficient_funds', paymentMethod: 'card' });
    expect((await client.get(bill.url)).html).toContain('<form');
  });

  it('sends the 3-D Secure card to the challenge and records the authorization once the cardholder passes it', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const submitted = await client.post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken: await tokenize(CHALLENGE_CARD) });
    expect(submitted.location).toMatch(new RegExp(`^${stack.processor.baseUrl}/v1/challenges/`));
    const passed = await fetch(`${submitted.location}/pass`, { method: 'POST' });
    expect(passed.status).toBeLessThan(300);
    await pollUntil('the challenge webhook to authorize the payment', async () => (await stack.events('payment.payment.authorized', bill.billId)).length > 0);
    const [attempt] = await stack.attempts(bill.billId);
    expect((await client.get(`${bill.url}/attempts/${attempt['id']}`)).html).toContain('お支払いありがとうございました');
    expect(await stack.events('payment.payment.authorized', bill.billId)).toHaveLength(1);
  });

  it('refuses a form without the CSRF token of this browser', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { attemptKey, csrf } = await openBill(client, bill.url);
    const forged = await new PageClient().post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken: 'tok_forged_123' });
    expect(forged.status).toBe(403);
    const wrong = await client.post(`${bill.url}/card`, { _csrf: 'not-the-token', attemptKey, cardToken: 'tok_forged_123' });
    expect(wrong.status).toBe(403);
    expect(await stack.attempts(bill.billId)).toHaveLength(0);
  });

  it('issues a konbini slip with its numbers and barcode, and captures the payment when the store terminal reports it paid', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const submitted = await client.post(`${bill.url}/konbini`, { _csrf: csrf, attemptKey, chain: 'lawson' });
    const slip = await client.get(`${stack.payment.baseUrl}${submitted.location}`);
    expect(slip.html).toContain('ローソン');
    expect(slip.html).toMatch(/id="slip-receipt-number">\d{11}</);
    expect(slip.html).toMatch(/id="slip-confirmation-number">\d{6}</);
    expect(slip.html).toContain('<svg');
    const [attempt] = await stack.attempts(bill.billId);
    await stack.payAtStore(String(attempt['processor_ref']));
    await pollUntil('the captured event', async () => (await stack.events('payment.payment.captured', bill.billId)).length > 0);
    const [captured] = await stack.events('payment.payment.captured', bill.billId);
    expect(captured.payload).toMatchObject({ billId: bill.billId, paymentMethod: 'konbini', amount: 10800 });
    expect((await client.get(bill.url)).html).toContain('お支払いが完了しました');
  });

  it('sends the customer to the QR wallet and records its approval from the webhook', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const submitted = await client.post(`${bill.url}/wallet`, { _csrf: csrf, attemptKey });
    expect(submitted.location).toContain(stack.processor.baseUrl);
    const approved = await fetch(String(submitted.location).replace(/\/approve.*$/, '/approve'), { method: 'POST', redirect: 'manual' });
    expect(approved.status).toBe(303);
    const back = await client.get(String(approved.headers.get('location')));
    expect(back.status).toBe(303);
    await pollUntil('the wallet authorization', async () => (await stack.events('payment.payment.authorized', bill.billId)).length > 0);
    const [authorized] = await stack.events('payment.payment.authorized', bill.billId);
    expect(authorized.payload).toMatchObject({ paymentMethod: 'wallet', billId: bill.billId });
  });

  it('records a payment the customer canceled in the QR wallet as failed, and lets them choose again', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    const submitted = await client.post(`${bill.url}/wallet`, { _csrf: csrf, attemptKey });
    const canceled = await fetch(String(submitted.location).replace(/\/approve.*$/, '/cancel'), { method: 'POST', redirect: 'manual' });
    expect(canceled.status).toBe(303);
    await pollUntil('the failed event', async () => (await stack.events('payment.payment.failed', bill.billId)).length > 0);
    const [failed] = await stack.events('payment.payment.failed', bill.billId);
    expect(failed.payload).toMatchObject({ paymentMethod: 'wallet', reasonCode: 'wallet_canceled' });
    const back = await client.get(`${stack.payment.baseUrl}${(await client.get(String(canceled.headers.get('location')))).headers.get('location')}`);
    expect(back.html).toContain('お支払いできませんでした');
    expect((await client.get(bill.url)).html).toContain('id="pay-by-wallet"');
  });

  it('rejects a webhook with a wrong signature and applies a redelivered one once', async () => {
    const bill = await stack.createBill();
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    await client.post(`${bill.url}/konbini`, { _csrf: csrf, attemptKey, chain: 'familymart' });
    const [attempt] = await stack.attempts(bill.billId);
    const body = JSON.stringify({ id: newId(), type: 'konbini.paid', merchantId: stack.merchantId, createdAt: new Date().toISOString(), data: { paymentId: attempt['processor_ref'] } });
    const now = Math.floor(Date.now() / 1000);
    const send = (signature: string) =>
      fetch(`${stack.payment.baseUrl}/processor/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', [PROCESSOR_SIGNATURE_HEADER]: signature }, body });

    const forged = await send(signProcessorPayload('some-other-secret-value', body, now));
    expect(forged.status).toBe(401);
    expect(await stack.events('payment.payment.captured', bill.billId)).toHaveLength(0);

    expect(((await (await send(signProcessorPayload(SIGNING_SECRET, body, now))).json()) as { duplicate: boolean }).duplicate).toBe(false);
    expect(((await (await send(signProcessorPayload(SIGNING_SECRET, body, now))).json()) as { duplicate: boolean }).duplicate).toBe(true);
    expect(await stack.events('payment.payment.captured', bill.billId)).toHaveLength(1);
  });

  it('never lets a card number reach its requests, database, logs or events', async () => {
    const bill = await stack.createBill({ customerPhone: '+819011112222' });
    const client = new PageClient();
    const { csrf, attemptKey } = await openBill(client, bill.url);
    // Even a form that carries a card number (a broken page) is paid only from the token; the number goes nowhere.
    await client.post(`${bill.url}/card`, { _csrf: csrf, attemptKey, cardToken: await tokenize(VISA), saveCard: 'yes', number: VISA });
    await pollUntil('the authorization', async () => (await stack.events('payment.payment.authorized', bill.billId)).length > 0);

    const logs = stack.payment.output.join('\n');
    // Every card number this suite paid with, by now all in the service's output had it leaked one.
    for (const card of [VISA, CHALLENGE_CARD, DECLINED_CARD]) expect(logs).not.toContain(card);
    expect(stack.payment.output.filter((line) => containsCardNumber(line))).toEqual([]);
    const schema = stack.namespace.schema('payment');
    const dump = execFileSync('pg_dump', ['--data-only', '--schema', schema, 'postgres://postgres@127.0.0.1:5432/postgres'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain(bill.billId);
    expect(dump).not.toContain(VISA);
    expect(dump).not.toContain('4111 1111');
    const events = await stack.namespace.query<{ envelope: unknown }>(`SELECT envelope FROM "${schema}".outbox_message`);
    expect(events.length).toBeGreaterThan(0);
    expect(containsCardNumber(JSON.stringify(events))).toBe(false);
  });
});
