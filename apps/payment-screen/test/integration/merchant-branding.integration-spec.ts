import { randomUUID } from 'node:crypto';
import { PageClient } from '../support/page-client';
import { PaymentScreenStack } from '../support/payment-screen-stack';

const OPERATOR_TOKEN = 'branding-test-operator-token';

describe('merchant branding and page templates on the payment screen', () => {
  const stack = new PaymentScreenStack('payment-branding');

  beforeAll(() => stack.start({ PAYMENT_OPERATOR_TOKEN: OPERATOR_TOKEN }));
  afterAll(() => stack.stop());

  const setBranding = (merchantId: string, body: object) =>
    fetch(`${stack.payment.baseUrl}/payment-pages/branding`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId },
      body: JSON.stringify(body),
    });
  const setTemplate = (merchantId: string, template: string | null, token = OPERATOR_TOKEN) =>
    fetch(`${stack.payment.baseUrl}/operator/merchants/${merchantId}/page-template`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ template }),
    });

  it("shows the merchant's logo, colours and message on its pages", async () => {
    const merchantId = `brand-${randomUUID().slice(0, 8)}`;
    const saved = await setBranding(merchantId, {
      displayName: 'みなと水道局',
      logoUrl: 'https://cdn.example.jp/minato/logo.png',
      primaryColor: '#004d40',
      accentColor: '#ff6f00',
      message: '口座振替のお申し込みも受け付けています。',
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ merchantId, displayName: 'みなと水道局', hasPageTemplate: false });

    const bill = await stack.createBill({ merchantId, message: null });
    const page = await new PageClient().get(bill.url);
    expect(page.html).toContain('<img src="https://cdn.example.jp/minato/logo.png" alt="みなと水道局">');
    expect(page.html).toContain('--primary: #004d40; --accent: #ff6f00;');
    expect(page.html).toContain('口座振替のお申し込みも受け付けています。');
    expect(page.html).toContain('<title>お支払い | みなと水道局</title>');
  });

  it('refuses colours and logos that could inject CSS or load from plain http', async () => {
    const merchantId = `brand-${randomUUID().slice(0, 8)}`;
    const colour = await setBranding(merchantId, { primaryColor: 'red;} body{display:none' });
    expect(colour.status).toBe(422);
    expect(((await colour.json()) as { error: { field: string } }).error.field).toBe('primaryColor');
    expect((await setBranding(merchantId, { logoUrl: 'http://cdn.example.jp/logo.png' })).status).toBe(422);
    expect((await setBranding('', {})).status).toBe(401);
  });

  it('escapes what merchants and customers wrote', async () => {
    const bill = await stack.createBill({ customerName: '<script>alert(1)</script>', message: '"><img src=x onerror=alert(1)>' });
    const page = await new PageClient().get(bill.url);
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<img src=x');
  });

  it("renders an operator-set template for the merchant's bill page, with the standard payment forms inside", async () => {
    const merchantId = `brand-${randomUUID().slice(0, 8)}`;
    const template = `<% layout('./layout') %><section id="custom-bill"><h1>ご請求 <%= it.bill.amount %></h1></section><%~ include('./payment-methods', it) %>`;
    expect((await setTemplate(merchantId, template)).status).toBe(200);
    const bill = await stack.createBill({ merchantId, methods: ['card'] });
    const page = await new PageClient().get(bill.url);
    expect(page.html).toContain('<section id="custom-bill"><h1>ご請求 ￥10,800</h1></section>');
    expect(page.html).toContain('id="card-form"');
    expect(page.html).toContain('name="_csrf"');

    expect((await setTemplate(merchantId, null)).status).toBe(200);
    const other = await stack.createBill({ merchantId });
    expect((await new PageClient().get(other.url)).html).not.toContain('custom-bill');
  });

  it('lets only operators set a template, and refuses one that does not compile', async () => {
    const merchantId = `brand-${randomUUID().slice(0, 8)}`;
    expect((await setTemplate(merchantId, '<h1>x</h1>', 'not-the-operator-token')).status).toBe(401);
    const broken = await setTemplate(merchantId, '<% if (it.bill) { %>never closed');
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { error: object }).error).toMatchObject({ code: 'PAYMENT_TEMPLATE_INVALID', field: 'template' });
  });
});
