import { randomUUID } from 'node:crypto';
import { pollUntil } from '@kessai/shared-testing';
import type { EgressProxyStub } from './egress-proxy.stub';

/** One real request a service must serve from its production build, and the environment it needs for it. */
export interface ServiceProbe {
  /** The short name of the schema it owns (the test gives it one of its own). */
  schema: string;
  /** Production settings: NODE_ENV=production refuses development secrets, so real-looking ones are given. */
  env: Record<string, string>;
  description: string;
  /** Sends the request and throws (a failed expectation) when the answer is wrong. */
  run: (baseUrl: string, egress: EgressProxyStub) => Promise<void>;
}

const OPERATOR_TOKEN = 'read-only-operator-token-0123456789';

async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // HTML pages stay text.
  }
  return { status: response.status, body: parsed as Record<string, unknown> & string, headers: response.headers };
}

/**
 * A probe per service (apps/*). A new service gets one here: the test refuses a service it cannot exercise.
 */
export const SERVICE_PROBES: Record<string, ServiceProbe> = {
  'billing-requests': {
    schema: 'billing',
    env: {
      SMS_PROVIDER: 'twilio',
      // Does not resolve: the SMS reaches the provider only through the egress proxy (HTTPS_PROXY).
      TWILIO_API_URL: 'http://sms-provider.invalid',
      SMS_WINDOW_START_HOUR: '0',
      SMS_WINDOW_END_HOUR: '24',
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'read-only-twilio-token',
      TWILIO_FROM: '+815012345678',
      SMS_DISPATCH_INTERVAL_MS: '200',
      WEBHOOK_DELIVERY_INTERVAL_MS: '0',
    },
    description: 'creates a bill, reads it back and sends its SMS to the provider through the egress proxy',
    run: async (baseUrl, egress) => {
      const merchant = { 'x-kessai-merchant-id': `ro-${randomUUID()}` };
      const created = await call(
        baseUrl,
        'POST',
        '/bills',
        { merchantBillNumber: 'RO-1', amount: 1500, currency: 'JPY', dueDate: '2099-12-31', allowedPaymentMethods: ['card'], customerPhone: '09012345678' },
        merchant,
      );
      expect(created.status).toBe(201);
      const read = await call(baseUrl, 'GET', `/bills/${created.body.id}`, undefined, merchant);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ merchantBillNumber: 'RO-1', amount: 1500, currency: 'JPY' });
      await pollUntil('the SMS to go out through the egress proxy', async () =>
        egress.requests.some((request) => request.host === 'sms-provider.invalid' && request.path.endsWith('/Messages.json')),
      );
    },
  },
  'credit-screening': {
    schema: 'screening',
    env: { SCREENING_OPERATOR_TOKEN: OPERATOR_TOKEN, VELOCITY_KEY_PREFIX: `ro-${randomUUID()}:` },
    description: 'compiles and activates a rule set, then decides with the risk model it loads from its build',
    run: async (baseUrl) => {
      const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
      const published = await call(baseUrl, 'POST', '/rule-sets', { rules: [{ id: 'review-large', action: 'review', when: 'amount >= 100000' }] }, operator);
      expect(published.status).toBe(201);
      expect((await call(baseUrl, 'POST', `/rule-sets/${published.body.version}/activate`, undefined, operator)).status).toBe(204);
      const decided = await call(
        baseUrl,
        'POST',
        '/decisions',
        { paymentRef: `ro-${randomUUID()}`, amount: 150000, currency: 'JPY', paymentMethod: 'card' },
        { ...operator, 'x-kessai-merchant-id': 'ro-merchant' },
      );
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ decision: 'review', decidedBy: 'review-large' });
      expect(decided.body.modelVersion).toMatch(/^risk-lr-/);
    },
  },
  'merchant-console': {
    schema: 'console',
    env: { CONSOLE_CSRF_SECRET: 'read-only-console-csrf-secret-0123456789', GATEWAY_ADMIN_TOKEN: 'read-only-gateway-admin-token-0123456789' },
    description: 'renders its sign-in page from the Eta views in its build, under its strict Content-Security-Policy',
    run: async (baseUrl) => {
      const page = await call(baseUrl, 'GET', '/console/sign-in?lang=en');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toMatch(/<html[^>]*lang="en"/);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    },
  },
  'payment-screen': {
    schema: 'payment',
    env: {
      PAYMENT_PUBLIC_URL: 'https://pay.example.jp',
      PAYMENT_CSRF_SECRET: 'read-only-csrf-secret-0123456789',
      PAYMENT_OPERATOR_TOKEN: OPERATOR_TOKEN,
      PROCESSOR_SIGNING_SECRET: 'read-only-processor-secret',
    },
    description: 'renders the page of an unknown payment link from the Eta views in its build',
    run: async (baseUrl) => {
      const page = await call(baseUrl, 'GET', '/p/unknown-link-token?lang=en');
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toMatch(/<html[^>]*lang="en"/);
    },
  },
  'processor-sim': {
    schema: 'processor',
    env: { PROCESSOR_SIGNING_SECRET: 'read-only-processor-secret' },
    description: 'tokenizes a test card, exchanges the token and authorizes a charge',
    run: async (baseUrl) => {
      const merchantId = `ro-${randomUUID()}`;
      const token = await call(baseUrl, 'POST', '/v1/tokens', { number: '4111111111111111', expMonth: 12, expYear: new Date().getFullYear() + 3, securityCode: '123' });
      expect(token.body).toMatchObject({ brand: 'visa', last4: '1111' });
      const card = await call(baseUrl, 'POST', '/v1/cards', { token: token.body.token, merchantId });
      expect(card.status).toBe(201);
      const authorization = await call(baseUrl, 'POST', '/v1/authorizations', {
        merchantId,
        cardId: card.body.cardId,
        amount: 1200,
        currency: 'JPY',
        idempotencyKey: randomUUID(),
      });
      expect(authorization.status).toBe(200);
      expect(authorization.body.status).toBe('approved');
    },
  },
  'recurring-engine': {
    schema: 'recurring',
    env: { RECURRING_PROCESSOR_URL: 'http://127.0.0.1:9', RECURRING_PROCESSOR_SIGNING_SECRET: 'read-only-processor-secret' },
    description: "saves a shop's cycle settings and reads them back",
    run: async (baseUrl) => {
      const shopId = `ro-${randomUUID().slice(0, 8)}`;
      const saved = await call(baseUrl, 'PUT', `/shops/${shopId}`, { cycleDeadlineDay: 10, floorLimitEligible: false, immediateQuota: 100 });
      expect(saved.status).toBe(200);
      const read = await call(baseUrl, 'GET', `/shops/${shopId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ shopId, cycleDeadlineDay: 10 });
    },
  },
  'throttle-gateway': {
    schema: 'throttle',
    env: { ADMIN_TOKEN: 'read-only-admin-token-0123456789abcdef', BILLING_REQUESTS_URL: 'http://127.0.0.1:9' },
    description: 'issues an API key through the admin API and authenticates a merchant request with it',
    run: async (baseUrl) => {
      const issued = await call(baseUrl, 'POST', '/admin/merchants/ro-merchant/api-keys', { mode: 'test' }, {
        authorization: 'Bearer read-only-admin-token-0123456789abcdef',
      });
      expect(issued.status).toBe(201);
      expect(issued.body.secret).toMatch(/^kes_test_/);
      // The key is accepted: the request passes authentication and flow control and fails only at the upstream.
      const proxied = await call(baseUrl, 'GET', '/bills/some-bill', undefined, { authorization: `Bearer ${issued.body.secret}` });
      expect(proxied.status).toBe(503);
      expect(proxied.body).toMatchObject({ error: { code: 'THROTTLE_UPSTREAM_UNAVAILABLE' } });
      const refused = await call(baseUrl, 'GET', '/bills/some-bill', undefined, { authorization: 'Bearer kes_test_wrong' });
      expect(refused.status).toBe(401);
    },
  },
};
