import { Secret, TOTP } from 'otpauth';
import { ConsoleClient } from '../support/console-client';
import { ConsoleStack } from '../support/console-stack';

describe('merchant console sign-in (through the gateway, real PostgreSQL)', () => {
  const stack = new ConsoleStack('console_sign_in');

  beforeAll(async () => {
    await stack.start();
    await stack.addUser('admin@shop.example', 'correct horse battery', 'admin');
    await stack.addUser('viewer@shop.example', 'read only secret 123', 'read-only');
    await stack.addUser('locked@shop.example', 'right password here', 'operator');
    await stack.addUser('totp@shop.example', 'second factor pass', 'admin');
  }, 400_000);

  afterAll(() => stack.stop());

  it('shows the sign-in page in Japanese through the gateway, without an API key, under a strict CSP', async () => {
    const client = new ConsoleClient(stack.gateway.baseUrl);
    const response = await client.get('/console/sign-in');
    expect(response.status).toBe(200);
    expect(client.lastHtml).toContain('<html lang="ja">');
    expect(client.lastHtml).toContain('ログイン');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'nonce-[^']+'/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await client.get('/console/sign-in?lang=en')).status).toBe(200);
    expect(client.lastHtml).toContain('<html lang="en">');
  });

  it('signs in with an HttpOnly SameSite session cookie, opens a screen, and signs out on the server too', async () => {
    const client = new ConsoleClient(stack.gateway.baseUrl);
    await client.get('/console/sign-in');
    const signIn = await client.post('/console/sign-in', { merchantId: stack.merchantId, email: 'ADMIN@shop.example', password: 'correct horse battery' });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie().find((line) => line.startsWith('ks_console_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/console/);
    expect((await stack.consoleQuery('SELECT * FROM console.console_session')).length).toBeGreaterThanOrEqual(1);

    const bills = await client.get('/console/bills');
    expect(bills.status).toBe(200);
    expect(client.lastHtml).toContain('admin (');
    const before = (await stack.consoleQuery('SELECT count(*)::int AS n FROM console.console_session'))[0].n as number;
    expect((await client.post('/console/sign-out', {})).status).toBe(303);
    expect((await stack.consoleQuery('SELECT count(*)::int AS n FROM console.console_session'))[0].n).toBe(before - 1);
    const after = await client.get('/console/bills');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%2Fbills');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const client = new ConsoleClient(stack.gateway.baseUrl);
    const unknown = await client.signIn(stack.merchantId, 'nobody@shop.example', 'whatever it is');
    const unknownText = client.lastHtml.match(/id="error">([^<]+)</)?.[1];
    const wrong = await client.signIn(stack.merchantId, 'admin@shop.example', 'not the password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(client.lastHtml.match(/id="error">([^<]+)</)?.[1]).toBe(unknownText);
  });

  it('locks an account after repeated failures and refuses even the right password while locked', async () => {
    const client = new ConsoleClient(stack.gateway.baseUrl);
    expect((await client.signIn(stack.merchantId, 'locked@shop.example', 'wrong 1')).status).toBe(401);
    expect((await client.signIn(stack.merchantId, 'locked@shop.example', 'wrong 2')).status).toBe(401);
    expect((await client.signIn(stack.merchantId, 'locked@shop.example', 'wrong 3')).status).toBe(423);
    const locked = await client.signIn(stack.merchantId, 'locked@shop.example', 'right password here');
    expect(locked.status).toBe(423);
    expect(client.lastHtml).toContain('ロック');
    expect(client.cookie('ks_console_session')).toBeUndefined();
    const [row] = await stack.consoleQuery<{ locked_until: Date }>(`SELECT locked_until FROM console.console_user WHERE email = 'locked@shop.example'`);
    expect(row.locked_until.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it('counts parallel wrong passwords one after the other, so a burst cannot pass the limit', async () => {
    await stack.addUser('burst@shop.example', 'many guesses 99', 'operator');
    const tries = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => new ConsoleClient(stack.gateway.baseUrl).signIn(stack.merchantId, 'burst@shop.example', `guess ${i}`)),
    );
    expect(tries.map((r) => r.status).filter((s) => s === 423).length).toBeGreaterThanOrEqual(4);
    const [row] = await stack.consoleQuery<{ locked_until: Date | null }>(`SELECT locked_until FROM console.console_user WHERE email = 'burst@shop.example'`);
    expect(row.locked_until).not.toBeNull();
  });

  it('refuses a form post without the CSRF token of the session', async () => {
    const client = new ConsoleClient(stack.gateway.baseUrl);
    await client.get('/console/sign-in');
    const response = await client.post('/console/sign-in', { merchantId: stack.merchantId, email: 'admin@shop.example', password: 'correct horse battery', _csrf: 'forged' });
    expect(response.status).toBe(403);
    expect(client.cookie('ks_console_session')).toBeUndefined();
  });

  it('lets a read-only user look but not act, whatever the form posts', async () => {
    const client = new ConsoleClient(stack.gateway.baseUrl);
    expect((await client.signIn(stack.merchantId, 'viewer@shop.example', 'read only secret 123')).status).toBe(303);
    expect((await client.get('/console/bills')).status).toBe(200);
    expect((await client.get('/console/api-keys')).status).toBe(403);
    const cancel = await client.post('/console/bills/0190a0e0-0000-7000-8000-000000000001/cancel', {});
    expect(cancel.status).toBe(403);
  });

  it('asks for the TOTP code after the password, accepts a code once, and counts wrong codes', async () => {
    const secret = new Secret({ size: 20 });
    await stack.consoleQuery(`UPDATE console.console_user SET totp_secret = $1, totp_enabled_at = now() WHERE email = 'totp@shop.example'`, [secret.base32]);
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    const client = new ConsoleClient(stack.gateway.baseUrl);
    const signIn = await client.signIn(stack.merchantId, 'totp@shop.example', 'second factor pass');
    expect(signIn.headers.get('location')).toMatch(/^\/console\/sign-in\/second-factor/);
    expect((await client.get('/console/bills')).status).toBe(303);
    await client.get('/console/sign-in/second-factor');
    expect((await client.post('/console/sign-in/second-factor', { code: '000000' === totp.generate() ? '111111' : '000000' })).status).toBe(401);
    expect((await client.post('/console/sign-in/second-factor', { code: totp.generate() })).status).toBe(303);
    expect((await client.get('/console/bills')).status).toBe(200);

    const again = new ConsoleClient(stack.gateway.baseUrl);
    await again.signIn(stack.merchantId, 'totp@shop.example', 'second factor pass');
    await again.get('/console/sign-in/second-factor');
    expect((await again.post('/console/sign-in/second-factor', { code: totp.generate() })).status).toBe(401);
  });
});
