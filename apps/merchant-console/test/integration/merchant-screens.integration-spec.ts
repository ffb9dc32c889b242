import { ConsoleClient } from '../support/console-client';
import { ConsoleStack } from '../support/console-stack';

describe('merchant console screens over the services’ HTTP APIs', () => {
  const stack = new ConsoleStack('console_screens');
  let admin: ConsoleClient;
  let billId: string;

  beforeAll(async () => {
    await stack.start();
    await stack.addUser('admin@screens.example', 'kessai console 2026', 'admin');
    await stack.addUser('op@screens.example', 'night shift 0300', 'operator');
    const created = await fetch(`${stack.billing.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': stack.merchantId },
      body: JSON.stringify({ merchantBillNumber: 'SCR-1', amount: 5400, currency: 'JPY', dueDate: '2099-06-30', allowedPaymentMethods: ['card', 'konbini'], customerName: '田中 一郎' }),
    });
    billId = ((await created.json()) as { id: string }).id;
    await fetch(`${stack.billing.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': 'someone-else' },
      body: JSON.stringify({ merchantBillNumber: 'OTHER-1', amount: 100, currency: 'JPY', dueDate: '2099-06-30', allowedPaymentMethods: ['card'] }),
    });
    admin = new ConsoleClient(stack.gateway.baseUrl);
    expect((await admin.signIn(stack.merchantId, 'admin@screens.example', 'kessai console 2026')).status).toBe(303);
  }, 400_000);

  afterAll(() => stack.stop());

  it('lists only the signed-in merchant’s bills, filters them, and shows one with its history', async () => {
    await admin.get('/console/bills');
    expect(admin.lastHtml).toContain('SCR-1');
    expect(admin.lastHtml).toContain('￥5,400');
    expect(admin.lastHtml).not.toContain('OTHER-1');
    await admin.get('/console/bills?status=paid');
    expect(admin.lastHtml).not.toContain('SCR-1');
    await admin.get(`/console/bills/${billId}`);
    expect(admin.lastHtml).toContain('id="bill-history"');
    expect(admin.lastHtml).toContain('作成');
  });

  it('cancels a bill through billing’s API and shows it canceled', async () => {
    await admin.get(`/console/bills/${billId}`);
    const cancel = await admin.post(`/console/bills/${billId}/cancel`, {});
    expect(cancel.status).toBe(303);
    await admin.get(cancel.headers.get('location') as string);
    expect(admin.lastHtml).toContain('請求を取り消しました。');
    const bill = (await (await fetch(`${stack.billing.baseUrl}/bills/${billId}`, { headers: { 'x-kessai-merchant-id': stack.merchantId } })).json()) as { status: string };
    expect(bill.status).toBe('canceled');
  });

  it('sets the webhook endpoint (secret shown once), lists deliveries with the bill’s events, and replays one', async () => {
    await admin.get('/console/webhooks');
    const saved = await admin.post('/console/webhooks/endpoint', { url: 'http://127.0.0.1:9/hooks' });
    expect(saved.status).toBe(200);
    expect(admin.lastHtml).toMatch(/id="webhook-secret">whsec_/);
    const again = await admin.post('/console/webhooks/endpoint', { url: 'http://127.0.0.1:9/hooks2' });
    expect(again.status).toBe(303);
    const other = await fetch(`${stack.billing.baseUrl}/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': stack.merchantId },
      body: JSON.stringify({ merchantBillNumber: 'SCR-2', amount: 700, currency: 'JPY', dueDate: '2099-06-30', allowedPaymentMethods: ['card'] }),
    });
    expect(other.status).toBe(201);
    await admin.get('/console/webhooks');
    expect(admin.lastHtml).toContain('billing.bill.created');
    const deliveryId = /webhooks\/deliveries\/([0-9a-f-]{36})\/replay/.exec(admin.lastHtml)?.[1] as string;
    expect((await admin.post(`/console/webhooks/deliveries/${deliveryId}/replay`, {})).status).toBe(303);
    const log = (await (await fetch(`${stack.billing.baseUrl}/webhook-deliveries`, { headers: { 'x-kessai-merchant-id': stack.merchantId } })).json()) as { items: { replayOf: string | null }[] };
    expect(log.items.some((d) => d.replayOf === deliveryId)).toBe(true);
  });

  it('draws the dashboard as accessible SVG charts with the figures in tables', async () => {
    const response = await admin.get('/console');
    expect(response.status).toBe(200);
    expect(admin.lastHtml).toContain('role="img"');
    expect(admin.lastHtml).toContain('<title id="chart-per-day-title">');
    expect(admin.lastHtml).toContain('id="table-per-day"');
    expect(admin.lastHtml.match(/<tr><th scope="row">\d{4}-\d{2}-\d{2}<\/th>/g)?.length).toBe(14);
  });

  it('shows the throttle limits and their current use, and says clearly what is not reachable', async () => {
    await admin.get('/console/throttle');
    expect(admin.lastHtml).toContain('id="limits"');
    // the merchant's current use, from the gateway's Redis state (nothing in flight now)
    expect(admin.lastHtml).toContain('id="usage"');
    expect(admin.lastHtml).toMatch(/<span class="in-flight">0<\/span>/);
    await admin.get('/console/recurring');
    expect(admin.lastHtml).toContain('recurring-engine に接続できません');
    await admin.get('/console/screening');
    expect(admin.lastHtml).toContain('credit-screening に接続できません');
  });

  it('lets an admin add a user and every user start two-step verification; an operator sees no API keys', async () => {
    await admin.get('/console/users');
    expect(admin.lastHtml).toMatch(/id="totp-secret">[A-Z2-7 ]+</);
    expect(admin.lastHtml).toContain('<svg');
    const added = await admin.post('/console/users', { email: 'new@screens.example', displayName: 'New', role: 'read-only', password: 'a good long secret' });
    expect(added.status).toBe(303);
    const weak = await admin.post('/console/users', { email: 'weak@screens.example', displayName: 'Weak', role: 'admin', password: 'short' });
    expect(weak.status).toBe(422);
    expect(admin.lastHtml).toContain('password');

    const operator = new ConsoleClient(stack.gateway.baseUrl);
    await operator.signIn(stack.merchantId, 'op@screens.example', 'night shift 0300');
    expect((await operator.get('/console/api-keys')).status).toBe(403);
    await operator.get('/console/users');
    expect(operator.lastHtml).not.toContain('id="add-user"');
    expect((await operator.post('/console/users', { email: 'x@screens.example', displayName: 'X', role: 'admin', password: 'a good long secret' })).status).toBe(403);
  });

  it('lets an admin change a role, reset a password to a temporary one that must be changed, and remove a user; never the last admin', async () => {
    await stack.addUser('temp@screens.example', 'first password 2026', 'read-only');
    const person = new ConsoleClient(stack.gateway.baseUrl);
    expect((await person.signIn(stack.merchantId, 'temp@screens.example', 'first password 2026')).status).toBe(303);
    const [{ id }] = await stack.consoleQuery<{ id: string }>(`SELECT id FROM console.console_user WHERE email = 'temp@screens.example'`);

    await admin.get('/console/users');
    expect((await admin.post(`/console/users/${id}/role`, { role: 'operator' })).status).toBe(303);
    expect(await stack.consoleQuery(`SELECT role FROM console.console_user WHERE id = $1`, [id])).toEqual([{ role: 'operator' }]);

    await admin.get('/console/users');
    const reset = await admin.post(`/console/users/${id}/reset-password`, {});
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    const temporary = /id="temporary-password">([A-Za-z0-9]{16})</.exec(admin.lastHtml)?.[1] as string;
    expect(temporary).toBeDefined();
    // whoever held the old password is signed out
    expect((await person.get('/console/bills')).status).toBe(303);

    const again = new ConsoleClient(stack.gateway.baseUrl);
    expect((await again.signIn(stack.merchantId, 'temp@screens.example', temporary)).status).toBe(303);
    const blocked = await again.get('/console/bills');
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/console/users/me/password');
    await again.get('/console/users/me/password');
    expect(again.lastHtml).toContain('id="password-change-required"');
    expect((await again.post('/console/users/me/password', { currentPassword: temporary, newPassword: 'short' })).status).toBe(422);
    await again.get('/console/users/me/password');
    expect((await again.post('/console/users/me/password', { currentPassword: temporary, newPassword: 'my own new secret 2026' })).status).toBe(303);
    expect((await again.get('/console/bills')).status).toBe(200);
    // an operator manages no users
    expect((await again.post(`/console/users/${id}/role`, { role: 'admin' })).status).toBe(403);

    await admin.get('/console/users');
    expect((await admin.post(`/console/users/${id}/remove`, {})).status).toBe(303);
    expect(await stack.consoleQuery(`SELECT 1 FROM console.console_user WHERE id = $1`, [id])).toEqual([]);
    expect((await again.get('/console/bills')).status).toBe(303);

    // the only admin can neither step down nor be removed
    const [{ id: adminId }] = await stack.consoleQuery<{ id: string }>(`SELECT id FROM console.console_user WHERE email = 'admin@screens.example'`);
    await admin.get('/console/users');
    expect((await admin.post(`/console/users/${adminId}/role`, { role: 'read-only' })).status).toBe(409);
    expect(admin.lastHtml).toContain('at least one admin');
    // another merchant's user is not found
    await stack.addUser('stranger@other.example', 'other merchant 2026', 'read-only', 'merchant-other');
    const [{ id: strangerId }] = await stack.consoleQuery<{ id: string }>(`SELECT id FROM console.console_user WHERE email = 'stranger@other.example'`);
    await admin.get('/console/users');
    expect((await admin.post(`/console/users/${strangerId}/remove`, {})).status).toBe(404);
    expect(await stack.consoleQuery(`SELECT 1 FROM console.console_user WHERE id = $1`, [strangerId])).toHaveLength(1);
  });
});
