import { newId } from '@kessai/shared-ids';
import { pollUntil } from '@kessai/shared-testing';
import { ConsoleClient } from '../support/console-client';
import { ConsoleStack, SCREENING_OPERATOR_TOKEN } from '../support/console-stack';

// The recurring and screening screens against the real recurring-engine and credit-screening processes.
// A cycle always open for upload, whatever the day of the month the test runs on.
const FUTURE_CYCLE = `${new Date().getUTCFullYear() + 1}-03`;
describe('merchant console recurring and screening screens over the real services', () => {
  const stack = new ConsoleStack('console_recurring');
  let admin: ConsoleClient;
  const engine = (method: string, path: string, body?: unknown) =>
    fetch(`${stack.recurring?.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': stack.merchantId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const screening = (method: string, path: string, body?: unknown, merchantId = stack.merchantId) =>
    fetch(`${stack.screening?.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SCREENING_OPERATOR_TOKEN}`, 'x-kessai-merchant-id': merchantId },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    await stack.start({}, { withRecurringAndScreening: true });
    await stack.addUser('admin@recurring.example', 'kessai console 2026', 'admin');
    admin = new ConsoleClient(stack.gateway.baseUrl);
    expect((await admin.signIn(stack.merchantId, 'admin@recurring.example', 'kessai console 2026')).status).toBe(303);
  }, 400_000);

  afterAll(() => stack.stop());

  it('shows the shop, its definitions and its customers\' mandates from the engine, and revokes nothing it is not asked to', async () => {
    expect((await engine('PUT', `/shops/${stack.merchantId}`, { cycleDeadlineDay: 10, floorLimitEligible: false, immediateQuota: 100 })).status).toBe(200);
    expect([200, 201]).toContain((await engine('PUT', '/recurring/members/M-1', { cardRef: 'card_m1' })).status);
    const definition = await engine('POST', '/recurring/definitions', { memberId: 'M-1', amount: 1980, currency: 'JPY', dayOfCycle: 27, startCycle: '2026-01' });
    expect(definition.status).toBe(201);
    const mandateId = `consent-${newId()}`;
    await stack.namespace.kafka.send(stack.namespace.topic('payment.mandate.requested.v1'), [
      {
        key: stack.merchantId,
        value: JSON.stringify({
          eventId: newId(),
          type: 'payment.mandate.requested',
          version: 1,
          occurredAt: new Date().toISOString(),
          merchantId: stack.merchantId,
          correlationId: 'it',
          payload: { mandateRequestId: mandateId, customerPhone: '+819012345678', cardRef: 'card_mandate', billId: newId(), amount: 3300, currency: 'JPY', consentedAt: new Date().toISOString() },
        }),
      },
    ]);
    await pollUntil('the mandate in the engine', async () => ((await (await engine('GET', '/recurring/mandates')).json()) as { mandates: unknown[] }).mandates.length === 1);

    expect((await admin.get('/console/recurring')).status).toBe(200);
    expect(admin.lastHtml).toContain('id="shop-heading"');
    expect(admin.lastHtml).toContain('id="definitions"');
    expect(admin.lastHtml).toContain('￥1,980');
    expect(admin.lastHtml).toContain('id="mandates"');
    expect(admin.lastHtml).toContain('+819012345678');
    expect(admin.lastHtml).not.toContain('recurring-engine に接続できません');
  });

  it('uploads a recurring charge file with a bad line to the engine and offers its error report', async () => {
    await admin.get('/console/uploads');
    const uploaded = await admin.upload(`/console/uploads/recurring?cycle=${FUTURE_CYCLE}`, 'monthly.csv', 'member_id,amount,currency\nM-1,1980,JPY\nM-1,10.5,JPY\n');
    expect(uploaded.status).toBe(303);
    const location = uploaded.headers.get('location') as string;
    expect(location).toMatch(/\/console\/uploads\/recurring-files\/[0-9a-f-]{36}$/);
    await admin.get(location);
    expect(admin.lastHtml).toContain('monthly.csv');
    const errors = await admin.get(`${location}/errors.csv`);
    expect(errors.status).toBe(200);
    const report = await errors.text();
    expect(report).toMatch(/^3,amount,.*10\.5.*is not an amount/m);
  });

  it('shows the screening rules that apply and the merchant\'s own recent decisions with reasons', async () => {
    const published = await screening('POST', '/rule-sets', { rules: [{ id: 'review-large', action: 'review', when: 'amount >= 100000', description: 'Large amount' }], note: 'console test' });
    const { version } = (await published.json()) as { version: number };
    expect((await screening('POST', `/rule-sets/${version}/activate`)).status).toBe(204);
    const decide = (merchantId: string, paymentRef: string) =>
      screening('POST', '/decisions', { paymentRef, amount: 150000, currency: 'JPY', paymentMethod: 'card' }, merchantId);
    expect((await decide(stack.merchantId, 'PAY-MINE-1')).status).toBe(200);
    expect((await decide('someone-else', 'PAY-THEIRS-1')).status).toBe(200);
    await pollUntil('the decision recorded', async () => ((await (await screening('GET', '/decisions')).json()) as { items: unknown[] }).items.length === 1);

    expect((await admin.get('/console/screening')).status).toBe(200);
    expect(admin.lastHtml).toContain('<code>review-large</code>');
    expect(admin.lastHtml).toContain('Large amount');
    expect(admin.lastHtml).toMatch(/<td><code>PAY-MINE-1<\/code><\/td><td>review<\/td><td>review-large<\/td>/);
    expect(admin.lastHtml).not.toContain('PAY-THEIRS-1');
  });

  it('follows a large recurring file live on its page while the engine receives it, then shows its outcome', async () => {
    await admin.get('/console/uploads');
    const lines = 150_000;
    const uploaded = await admin.upload(`/console/uploads/recurring?cycle=${FUTURE_CYCLE}`, 'large.csv', `member_id,amount,currency\n${Array.from({ length: lines }, (_, i) => `M-1,${100 + i},JPY\n`).join('')}`);
    expect(uploaded.status).toBe(303);
    const location = uploaded.headers.get('location') as string;
    const fileId = /recurring-files\/([0-9a-f-]{36})$/.exec(location)?.[1] as string;
    expect(fileId).toBeDefined();
    await admin.get(location);
    expect(admin.lastHtml).toContain(`data-progress-url="/console/uploads/recurring-files/${fileId}/progress"`);
    const seen: string[] = [];
    const final = await pollUntil(
      'the file merged',
      async () => {
        const progress = (await (await admin.get(`/console/uploads/recurring-files/${fileId}/progress`)).json()) as { status: string; linesRead: number; accepted: number };
        seen.push(progress.status);
        return progress.status === 'merged' ? progress : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    expect(final).toMatchObject({ linesRead: lines, accepted: lines });
    expect(seen.every((status) => status === 'receiving' || status === 'merged')).toBe(true);
  });
});
