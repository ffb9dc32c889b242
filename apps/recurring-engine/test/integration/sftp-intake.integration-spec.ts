import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import SftpClient from 'ssh2-sftp-client';
import { freePort, pollUntil, ServiceProcess, SftpTestServer, TestNamespace } from '@kessai/shared-testing';
import { uniqueShopId } from './recurring-test-data';

const APPROVE = '4111111111111111';

// Files dropped into a shop's inbox on a real OpenSSH SFTP server (its own sshd, host key and client key),
// read by the engine with ssh2-sftp-client, reported in the shop's outbox; kill -9 in the middle of a file.
describe('recurring-engine SFTP intake', () => {
  const namespace = new TestNamespace('recurring-sftp');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const running: ServiceProcess[] = [];
  let sftpServer: SftpTestServer;
  let merchant: SftpClient;
  let processor: ServiceProcess;
  let engine: ServiceProcess;
  const future = `${new Date().getUTCFullYear() + 1}-04`;
  const past = `${new Date().getUTCFullYear() - 1}-04`;

  const startEngine = async (extra: Record<string, string> = {}) => {
    const service = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '50', RECURRING_PROCESSOR_URL: processor.baseUrl, ...sftpServer.engineEnvironment(200), ...extra }),
    ).start();
    running.push(service);
    await service.waitUntilReady();
    return service;
  };
  const shopDirectory = (shopId: string, directory: string) => `${sftpServer.root}/${shopId}/${directory}`;
  const setUpShop = async (shopId: string, members: Record<string, string>, settings: { floorLimitEligible?: boolean } = {}) => {
    await fetch(`${engine.baseUrl}/shops/${shopId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycleDeadlineDay: 10, floorLimitEligible: settings.floorLimitEligible ?? false, immediateQuota: 100 }),
    });
    for (const [memberId, cardRef] of Object.entries(members)) {
      await fetch(`${engine.baseUrl}/recurring/members/${memberId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': shopId },
        body: JSON.stringify({ cardRef }),
      });
    }
    await merchant.mkdir(shopDirectory(shopId, 'inbox'), true);
  };
  /** As a merchant's client does it: upload under a temporary name, then rename, so no half file is read. */
  const drop = async (shopId: string, name: string, content: Buffer) => {
    await merchant.put(content, `${shopDirectory(shopId, 'inbox')}/${name}.part`);
    await merchant.rename(`${shopDirectory(shopId, 'inbox')}/${name}.part`, `${shopDirectory(shopId, 'inbox')}/${name}`);
  };
  const names = async (shopId: string, directory: string) => ((await merchant.exists(shopDirectory(shopId, directory))) ? (await merchant.list(shopDirectory(shopId, directory))).map((e) => e.name).sort() : []);
  const waitForReport = (shopId: string, name: string) =>
    pollUntil(
      `the report of ${name}`,
      async () => {
        const report = (await names(shopId, 'outbox')).find((file) => file.startsWith(`${name}.`) && file.endsWith('.result.json'));
        return report ? (JSON.parse((await merchant.get(`${shopDirectory(shopId, 'outbox')}/${report}`)).toString()) as Record<string, unknown>) : undefined;
      },
      { timeoutMs: 60_000 },
    );
  const charges = (shopId: string) =>
    namespace.query<{ charge_key: string; status: string; amount: string }>(`SELECT charge_key, status, amount::text AS amount FROM ${schema()}.charge WHERE shop_id = $1 ORDER BY file_line`, [shopId]);
  const storeCard = async (merchantId: string): Promise<string> => {
    const post = (path: string, body: unknown) =>
      fetch(`${processor.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number: APPROVE, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  };

  beforeAll(async () => {
    sftpServer = await SftpTestServer.start();
    merchant = new SftpClient('merchant');
    await merchant.connect(sftpServer.clientOptions());
    processor = new ServiceProcess('processor-sim', await freePort(), namespace.serviceEnvironment('processor')).start();
    running.push(processor);
    await processor.waitUntilReady();
    engine = await startEngine();
  });

  afterAll(async () => {
    await merchant?.end();
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    await sftpServer?.stop();
    await namespace.cleanUp();
  });

  it('takes a Shift_JIS file from the inbox, charges its valid lines, writes the report and the line errors to the outbox, and moves the file to done', async () => {
    const shopId = uniqueShopId('sftp');
    await setUpShop(shopId, { 'M-1': 'card_1', 'M-2': 'card_2' });
    const content = iconv.encode(`member_id,amount,currency,備考\nM-1,1000,JPY,月額\nM-2,abc,JPY,不正\nM-9,500,JPY,未登録\nM-2,2000,JPY,年額\n`, 'Shift_JIS');
    await drop(shopId, `charges-${future}.csv`, content);
    const report = await waitForReport(shopId, `charges-${future}.csv`);
    expect(report).toMatchObject({ channel: 'sftp', cycle: future, status: 'merged', encoding: 'shift_jis', linesRead: 4, accepted: 2, rejected: 2 });
    expect(await names(shopId, 'inbox')).toEqual([]);
    expect(await names(shopId, 'processing')).toEqual([]);
    expect(await names(shopId, 'done')).toEqual([`${report.id}__charges-${future}.csv`]);
    const errorsName = (await names(shopId, 'outbox')).find((name) => name.endsWith('.errors.csv')) as string;
    const errors = parse((await merchant.get(`${shopDirectory(shopId, 'outbox')}/${errorsName}`)).toString(), { bom: true, columns: true });
    expect(errors).toEqual([
      { line: '3', column: 'amount', reason: expect.stringContaining('"abc" is not an amount') },
      { line: '4', column: 'member_id', reason: expect.stringContaining('unknown member "M-9"') },
    ]);
    expect((await charges(shopId)).map((c) => [c.charge_key, c.amount])).toEqual([
      [`line:${report.id}:2:${future}`, '1000'],
      [`line:${report.id}:5:${future}`, '2000'],
    ]);

    // the same file dropped again is a duplicate: nothing is charged twice
    await drop(shopId, `charges-${future}-again.csv`, content);
    expect(await waitForReport(shopId, `charges-${future}-again.csv`)).toMatchObject({ status: 'duplicate', duplicateOf: report.id, accepted: 0 });
    expect(await charges(shopId)).toHaveLength(2);
  });

  it('refuses a file for a cycle past its deadline into refused/ with the reason in the outbox, and authorizes an immediate file at once', async () => {
    const shopId = uniqueShopId('sftp-late');
    await setUpShop(shopId, { 'M-1': await storeCard(shopId) }, { floorLimitEligible: true });
    await drop(shopId, `charges-${past}.csv`, Buffer.from('member_id,amount,currency\nM-1,100,JPY\n'));
    const late = await waitForReport(shopId, `charges-${past}.csv`);
    expect(late).toMatchObject({ status: 'refused', errorCode: 'RECURRING_CYCLE_UPLOAD_CLOSED', error: expect.stringContaining(`deadline of cycle ${past} has passed`) });
    expect((await names(shopId, 'refused')).length).toBe(1);

    await drop(shopId, 'immediate-001.csv', Buffer.from('member_id,amount,currency\nM-1,3300,JPY\n'));
    expect(await waitForReport(shopId, 'immediate-001.csv')).toMatchObject({ mode: 'immediate', status: 'merged', accepted: 1 });
    const [charge] = await pollUntil('the immediate charge to be authorized', async () => {
      const rows = await charges(shopId);
      return rows.length === 1 && rows[0].status === 'authorized' ? rows : undefined;
    });
    expect(charge.amount).toBe('3300');
  });

  it.each(['recurring.intake.before-merge', 'recurring.intake.after-merge'])(
    'loses no line and charges none twice when killed at %s and restarted',
    async (failpointName) => {
      const shopId = uniqueShopId('sftp-crash');
      const cards = await Promise.all(Array.from({ length: 3 }, () => storeCard(shopId)));
      await setUpShop(shopId, Object.fromEntries(cards.map((card, i) => [`M-${i + 1}`, card])));
      await engine.stop('SIGTERM');
      const crashing = await startEngine({ FAILPOINTS: failpointName });
      const lines = Array.from({ length: 120 }, (_, i) => `M-${(i % 3) + 1},${1000 + i},JPY`);
      await drop(shopId, `big-${future}.csv`, Buffer.from(`member_id,amount,currency\n${lines.join('\n')}\n`));
      expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
      expect(await names(shopId, 'processing')).toHaveLength(1);
      expect(await charges(shopId)).toHaveLength(failpointName === 'recurring.intake.before-merge' ? 0 : 120);

      engine = await startEngine();
      const report = await waitForReport(shopId, `big-${future}.csv`);
      expect(report).toMatchObject({ status: 'merged', accepted: 120, rejected: 0 });
      expect(await names(shopId, 'processing')).toEqual([]);
      expect(await names(shopId, 'done')).toHaveLength(1);
      const stored = await charges(shopId);
      expect(stored).toHaveLength(120);
      expect(new Set(stored.map((c) => c.amount)).size).toBe(120);
      const files = await namespace.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${schema()}.charge_file WHERE shop_id = $1`, [shopId]);
      expect(files[0].count).toBe(1);

      // and the authorization after the deadline charges each line once at the processor
      const launch = await fetch(`${engine.baseUrl}/jobs/authorize-charges/executions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cycle: future, includeShops: [shopId] }),
      });
      const { executionId } = (await launch.json()) as { executionId: string };
      await pollUntil('authorization to finish', async () => {
        const body = (await (await fetch(`${engine.baseUrl}/jobs/authorize-charges/executions/${executionId}`)).json()) as { status: string };
        return body.status === 'succeeded' ? body : undefined;
      }, { timeoutMs: 60_000 });
      const authorizations = await namespace.query<{ idempotency_key: string; count: number }>(
        `SELECT idempotency_key, count(*)::int AS count FROM "${namespace.schema('processor')}".card_authorization WHERE merchant_id = $1 GROUP BY idempotency_key`,
        [shopId],
      );
      expect(authorizations).toHaveLength(120);
      expect(authorizations.every((a) => a.count === 1)).toBe(true);
    },
  );
});
