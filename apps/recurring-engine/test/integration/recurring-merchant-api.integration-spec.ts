import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { uniqueShopId } from './recurring-test-data';

const APPROVE = '4111111111111111';
const INSUFFICIENT_FUNDS = '4000000000009995';

// The merchant-facing recurring API (/recurring/*, merchant = x-kessai-merchant-id as the gateway sets it)
// against processor-sim and the engine as processes, with the real PostgreSQL and Kafka.
describe('recurring-engine merchant API: members, definitions, charges by API call and CSV upload', () => {
  const namespace = new TestNamespace('recurring-merchant-api');
  const schema = () => `"${namespace.schema('recurring')}"`;
  let processor: ServiceProcess;
  let engine: ServiceProcess;
  // a cycle that is always open for upload, and one whose deadline has always passed
  const now = new Date();
  const future = `${now.getUTCFullYear() + 1}-03`;
  const past = `${now.getUTCFullYear() - 1}-03`;

  const call = (shopId: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: {
        ...(shopId ? { 'x-kessai-merchant-id': shopId } : {}),
        ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { 'content-type': 'text/csv' } : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body),
    });
  const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } });
  const storeCard = async (merchantId: string, number: string): Promise<string> => {
    const post = (path: string, body: unknown) =>
      fetch(`${processor.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/v1/tokens', { number, expMonth: 12, expYear: 2031, securityCode: '123' })).json()) as { token: string };
    return ((await (await post('/v1/cards', { token, merchantId })).json()) as { cardId: string }).cardId;
  };
  const setUpShop = async (shopId: string, settings: { floorLimitEligible?: boolean; immediateQuota?: number } = {}) => {
    const response = await fetch(`${engine.baseUrl}/shops/${shopId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycleDeadlineDay: 5, floorLimitEligible: settings.floorLimitEligible ?? false, immediateQuota: settings.immediateQuota ?? 5 }),
    });
    expect(response.status).toBe(200);
  };
  const charges = (shopId: string) =>
    namespace.query<{ charge_key: string; status: string; amount: string; card_ref: string; file_line: number | null; floor_limit: boolean; charge_date: string }>(
      `SELECT charge_key, status, amount::text AS amount, card_ref, file_line, floor_limit, to_char(charge_date, 'YYYY-MM-DD') AS charge_date
       FROM ${schema()}.charge WHERE shop_id = $1 ORDER BY file_line NULLS FIRST, charge_key`,
      [shopId],
    );
  const processorAuthorizations = (shopId: string) =>
    namespace.query<{ idempotency_key: string; count: number }>(
      `SELECT idempotency_key, count(*)::int AS count FROM "${namespace.schema('processor')}".card_authorization WHERE merchant_id = $1 GROUP BY idempotency_key`,
      [shopId],
    );

  beforeAll(async () => {
    processor = new ServiceProcess('processor-sim', await freePort(), namespace.serviceEnvironment('processor')).start();
    await processor.waitUntilReady();
    engine = new ServiceProcess(
      'recurring-engine',
      await freePort(),
      namespace.serviceEnvironment('recurring', { RECURRING_CHUNK_SIZE: '50', RECURRING_PROCESSOR_URL: processor.baseUrl }),
    ).start();
    await engine.waitUntilReady();
  });

  afterAll(async () => {
    await Promise.all([engine?.stop('SIGKILL'), processor?.stop('SIGKILL')]);
    await namespace.cleanUp();
  });

  it('answers 401 to a merchant request without x-kessai-merchant-id', async () => {
    for (const [method, path] of [['GET', '/recurring/members'], ['POST', '/recurring/charges'], ['POST', '/recurring/files'], ['GET', `/recurring/cycles/${future}/results.csv`]]) {
      const response = await call(null, method, path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
    }
  });

  it('registers members and definitions, stops a definition, and never shows or changes them for another shop', async () => {
    const shopA = uniqueShopId('api-a');
    const shopB = uniqueShopId('api-b');
    await setUpShop(shopA);
    await setUpShop(shopB);
    expect((await call(shopA, 'PUT', '/recurring/members/M-1', { cardRef: 'card_a1' })).status).toBe(201);
    expect((await json(await call(shopA, 'PUT', '/recurring/members/M-1', { cardRef: 'card_a2' }))).body).toMatchObject({ memberId: 'M-1', cardRef: 'card_a2' });
    expect((await json(await call(shopA, 'PUT', '/recurring/members/M-1', { cardRef: APPROVE }))).status).toBe(422);

    const created = await json(await call(shopA, 'POST', '/recurring/definitions', { memberId: 'M-1', amount: 1980, currency: 'JPY', dayOfCycle: 27, startCycle: '2026-01' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ memberId: 'M-1', cardRef: 'card_a2', amount: 1980, currency: 'JPY', dayOfCycle: 27, startCycle: '2026-01', endCycle: null, stoppedAt: null });
    const definitionId = created.body.id as string;
    const invalid = await json(await call(shopA, 'POST', '/recurring/definitions', { memberId: 'M-1', amount: 10.5, currency: 'JPY', dayOfCycle: 27, startCycle: '2026-01' }));
    expect(invalid.status).toBe(422);
    const unknown = await json(await call(shopA, 'POST', '/recurring/definitions', { memberId: 'nobody', amount: 100, currency: 'JPY', dayOfCycle: 1, startCycle: '2026-01' }));
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'RECURRING_DEFINITION_INVALID', field: 'memberId' } } });

    // shop B sees none of A's members or definitions and cannot stop A's definition, nor use A's member
    expect((await call(shopB, 'GET', '/recurring/members/M-1')).status).toBe(404);
    expect((await json(await call(shopB, 'GET', '/recurring/members'))).body).toEqual({ members: [], next: null });
    expect((await call(shopB, 'GET', `/recurring/definitions/${definitionId}`)).status).toBe(404);
    expect((await json(await call(shopB, 'GET', '/recurring/definitions'))).body).toEqual({ definitions: [], next: null });
    expect((await call(shopB, 'POST', `/recurring/definitions/${definitionId}/stop`)).status).toBe(404);
    expect((await call(shopB, 'POST', '/recurring/definitions', { memberId: 'M-1', amount: 100, currency: 'JPY', dayOfCycle: 1, startCycle: '2026-01' })).status).toBe(422);
    expect((await json(await call(shopA, 'GET', `/recurring/definitions/${definitionId}`))).body.stoppedAt).toBeNull();

    const stopped = await json(await call(shopA, 'POST', `/recurring/definitions/${definitionId}/stop`));
    expect(stopped.status).toBe(200);
    expect(stopped.body.stoppedAt).toEqual(expect.any(String));
    expect((await json(await call(shopA, 'GET', '/recurring/definitions?memberId=M-1'))).body.definitions).toEqual([expect.objectContaining({ id: definitionId, stoppedAt: stopped.body.stoppedAt })]);
  });

  it('authorizes one charge per API call once per Idempotency-Key, answers a retry with the same outcome, and keeps shops apart', async () => {
    const shopA = uniqueShopId('charge-a');
    const shopB = uniqueShopId('charge-b');
    await setUpShop(shopA, { floorLimitEligible: true });
    await setUpShop(shopB);
    await call(shopA, 'PUT', '/recurring/members/M-1', { cardRef: await storeCard(shopA, APPROVE) });
    await call(shopA, 'PUT', '/recurring/members/M-2', { cardRef: await storeCard(shopA, INSUFFICIENT_FUNDS) });
    await call(shopB, 'PUT', '/recurring/members/M-1', { cardRef: await storeCard(shopB, APPROVE) });

    expect(await json(await call(shopA, 'POST', '/recurring/charges', { memberId: 'M-1', amount: 500, currency: 'JPY' }))).toMatchObject({
      status: 422,
      body: { error: { code: 'RECURRING_IDEMPOTENCY_KEY_INVALID', field: 'Idempotency-Key' } },
    });
    const first = await json(await call(shopA, 'POST', '/recurring/charges', { memberId: 'M-1', amount: 500, currency: 'JPY' }, { 'idempotency-key': 'order-1' }));
    // a floor-limit shop's API charge is still authorized by the processor
    expect(first).toMatchObject({ status: 201, body: { memberId: 'M-1', amount: 500, currency: 'JPY', status: 'authorized', authorizationId: expect.any(String) } });
    // concurrent and later retries answer the same charge
    const retries = await Promise.all(
      [1, 2, 3].map(() => call(shopA, 'POST', '/recurring/charges', { memberId: 'M-1', amount: 500, currency: 'JPY' }, { 'idempotency-key': 'order-1' }).then(json)),
    );
    for (const retry of retries) expect(retry).toMatchObject({ status: 200, body: { id: first.body.id, authorizationId: first.body.authorizationId } });
    expect(await json(await call(shopA, 'POST', '/recurring/charges', { memberId: 'M-1', amount: 501, currency: 'JPY' }, { 'idempotency-key': 'order-1' }))).toMatchObject({
      status: 409,
      body: { error: { code: 'RECURRING_IDEMPOTENCY_KEY_CONFLICT' } },
    });
    const declined = await json(await call(shopA, 'POST', '/recurring/charges', { memberId: 'M-2', amount: 700, currency: 'JPY' }, { 'idempotency-key': 'order-2' }));
    expect(declined).toMatchObject({ status: 201, body: { status: 'declined', declineCode: '51', authorizationId: null } });
    expect(await json(await call(shopA, 'POST', '/recurring/charges', { memberId: 'M-9', amount: 700, currency: 'JPY' }, { 'idempotency-key': 'order-3' }))).toMatchObject({
      status: 422,
      body: { error: { field: 'memberId' } },
    });

    // the same key in another shop is another charge; A's charge is not readable by B
    const other = await json(await call(shopB, 'POST', '/recurring/charges', { memberId: 'M-1', amount: 500, currency: 'JPY' }, { 'idempotency-key': 'order-1' }));
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect((await call(shopB, 'GET', `/recurring/charges/${first.body.id}`)).status).toBe(404);
    expect((await json(await call(shopA, 'GET', `/recurring/charges/${first.body.id}`))).body).toMatchObject({ status: 'authorized' });

    const authorizations = await processorAuthorizations(shopA);
    expect(authorizations).toHaveLength(2);
    expect(authorizations.every((a) => a.count === 1)).toBe(true);
    const events = await namespace.query<{ type: string }>(`SELECT envelope->>'type' AS type FROM ${schema()}.outbox_message WHERE envelope->>'merchantId' = $1 ORDER BY 1`, [shopA]);
    expect(events.map((e) => e.type)).toEqual(['recurring.charge.authorized', 'recurring.charge.declined']);
  });

  it('takes a Shift_JIS or UTF-8 CSV, lists each bad line with its column, charges the other lines, and creates nothing twice for the same file', async () => {
    const shopId = uniqueShopId('file');
    const otherShop = uniqueShopId('file-other');
    await setUpShop(shopId);
    await setUpShop(otherShop);
    await call(shopId, 'PUT', '/recurring/members/M-1', { cardRef: 'card_m1' });
    await call(shopId, 'PUT', '/recurring/members/M-2', {});
    await call(otherShop, 'PUT', '/recurring/members/X-1', { cardRef: 'card_x1' });
    const csv = [
      'member_id,amount,currency,card_ref,charge_day,備考',
      'M-1,1980,JPY,,,月額プラン', // 2: member's card, day after the deadline (6th)
      'M-1,1980,JPY,,,月額プラン', // 3: duplicate of line 2
      'M-2,500,JPY,card_line,27,オプション', // 4: the line's card
      'M-2,500,JPY', // 5: no card anywhere
      'M-1,10.5,JPY,,,', // 6: bad amount
      'M-3,100,JPY,,,', // 7: unknown member
      'X-1,100,JPY,,,', // 8: another shop's member is unknown here
      'M-1,300', // 9: missing columns
      'M-1,0,YEN,,40,', // 10: three problems
      '"M-1,300,JPY', // 11: not valid CSV (an unclosed quote runs to the end)
    ].join('\r\n');
    const upload = await json(await call(shopId, 'POST', `/recurring/files?cycle=${future}&name=march.csv`, iconv.encode(csv, 'Shift_JIS')));
    expect(upload).toMatchObject({ status: 201, body: { name: 'march.csv', mode: 'cycle', channel: 'api', cycle: future, status: 'merged', encoding: 'shift_jis', accepted: 2 } });
    const fileId = upload.body.id as string;
    expect(upload.body.rejected).toBe(8);

    const errors = await (await call(shopId, 'GET', `/recurring/files/${fileId}/errors.csv`)).text();
    const rows = parse(errors, { bom: true, columns: true }) as { line: string; column: string; reason: string }[];
    const byLine = (line: number) => rows.filter((row) => row.line === String(line)).map((row) => `${row.column}: ${row.reason}`);
    expect(byLine(3)).toEqual([expect.stringContaining('duplicate of line 2')]);
    expect(byLine(5)).toEqual([expect.stringMatching(/^card_ref: .*has no card registered/)]);
    expect(byLine(6)).toEqual([expect.stringMatching(/^amount: "10\.5" is not an amount/)]);
    expect(byLine(7)).toEqual([expect.stringMatching(/^member_id: unknown member "M-3"/)]);
    expect(byLine(8)).toEqual([expect.stringMatching(/^member_id: unknown member "X-1"/)]);
    expect(byLine(9)).toEqual([expect.stringMatching(/^currency: .*fewer columns than the header/)]);
    expect(byLine(10).map((row) => row.split(':')[0]).sort()).toEqual(['amount', 'charge_day', 'currency']);
    expect(rows.filter((row) => /not valid CSV/.test(row.reason))).toHaveLength(1);

    expect(await charges(shopId)).toEqual([
      expect.objectContaining({ charge_key: `line:${fileId}:2:${future}`, status: 'pending', amount: '1980', card_ref: 'card_m1', charge_date: `${future}-06` }),
      expect.objectContaining({ charge_key: `line:${fileId}:4:${future}`, status: 'pending', amount: '500', card_ref: 'card_line', charge_date: `${future}-27` }),
    ]);

    const again = await json(await call(shopId, 'POST', `/recurring/files?cycle=${future}&name=march-again.csv`, iconv.encode(csv, 'Shift_JIS')));
    expect(again).toMatchObject({ status: 200, body: { status: 'duplicate', duplicateOf: fileId, accepted: 0 } });
    expect(await charges(shopId)).toHaveLength(2);
    // the other shop cannot read this shop's file
    expect((await call(otherShop, 'GET', `/recurring/files/${fileId}`)).status).toBe(404);
    expect((await call(otherShop, 'GET', `/recurring/files/${fileId}/errors.csv`)).status).toBe(404);

    const utf8 = await json(await call(shopId, 'POST', `/recurring/files?cycle=${future}`, Buffer.from('member_id,amount,currency\nM-1,2500,JPY\n', 'utf8')));
    expect(utf8).toMatchObject({ status: 201, body: { accepted: 1, rejected: 0 } });
    const wrongEncoding = await json(await call(shopId, 'POST', `/recurring/files?cycle=${future}&encoding=utf-8`, iconv.encode('member_id,amount,currency\nM-1,100,JPY\nM-1,200,日本円\n', 'Shift_JIS')));
    expect(wrongEncoding).toMatchObject({ status: 201, body: { accepted: 1, rejected: 1 } });
    expect(parse(await (await call(shopId, 'GET', `/recurring/files/${wrongEncoding.body.id}/errors.csv`)).text(), { bom: true, columns: true })).toEqual([
      { line: '3', column: 'currency', reason: expect.stringContaining('wrong encoding') },
    ]);
  });

  it('receives a file under the id its sender chose, shows the lines read so far while it arrives, and refuses another shop\'s id', async () => {
    const shopId = uniqueShopId('progress');
    await setUpShop(shopId);
    await call(shopId, 'PUT', '/recurring/members/P-1', { cardRef: 'card_p1' });
    const fileId = randomUUID();
    // distinct lines: a line repeated within a file is a duplicate
    const lines = (from: number) => Array.from({ length: 20_000 }, (_, i) => `P-1,${100 + from + i},JPY\n`).join('');
    let release!: () => void;
    const halfway = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(`member_id,amount,currency\n${lines(0)}`));
        await halfway;
        controller.enqueue(new TextEncoder().encode(lines(20_000)));
        controller.close();
      },
    });
    const upload = fetch(`${engine.baseUrl}/recurring/files?cycle=${future}&name=big.csv&fileId=${fileId}`, {
      method: 'POST',
      headers: { 'x-kessai-merchant-id': shopId, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    // the first half is read while the rest has not been sent: the file is receiving, with its lines so far
    const receiving = await pollUntil('the lines read so far', async () => {
      const { status, body: file } = await json(await call(shopId, 'GET', `/recurring/files/${fileId}`));
      return status === 200 && file.status === 'receiving' && Number(file.linesRead) > 0 ? file : undefined;
    });
    expect(Number(receiving.linesRead)).toBeLessThanOrEqual(20_000);
    release();
    const done = await json(await upload);
    expect(done).toMatchObject({ status: 201, body: { id: fileId, status: 'merged', linesRead: 40_000, accepted: 40_000 } });

    const otherShop = uniqueShopId('progress-other');
    await setUpShop(otherShop);
    const taken = await json(await call(otherShop, 'POST', `/recurring/files?cycle=${future}&fileId=${fileId}`, 'member_id,amount,currency\n'));
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'RECURRING_FILE_ID_CONFLICT', field: 'fileId' } } });
    expect((await json(await call(shopId, 'GET', `/recurring/files/${fileId}`))).body).toMatchObject({ status: 'merged', accepted: 40_000 });
  });

  it('refuses a file whose header lacks a required column, and one for a cycle past its upload deadline naming the deadline and the next cycle', async () => {
    const shopId = uniqueShopId('deadline');
    await setUpShop(shopId);
    const header = await json(await call(shopId, 'POST', `/recurring/files?cycle=${future}`, 'member,amount,currency\nM-1,100,JPY\n'));
    expect(header).toMatchObject({ status: 422, body: { error: { code: 'RECURRING_FILE_INVALID', message: expect.stringContaining('no "member_id" column') } } });
    const late = await json(await call(shopId, 'POST', `/recurring/files?cycle=${past}`, 'member_id,amount,currency\nM-1,100,JPY\n'));
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'RECURRING_CYCLE_UPLOAD_CLOSED', field: 'cycle' });
    expect(late.body.error?.message).toContain(`deadline of cycle ${past} has passed: files were due by the end of ${past}-05`);
    expect(late.body.error?.message).toMatch(/Upload for cycle \d{4}-\d{2} \(deadline /);
    expect(await charges(shopId)).toEqual([]);
  });

  it('authorizes an immediate file at once even in a floor-limit shop, and refuses one over the quota as a whole', async () => {
    const shopId = uniqueShopId('immediate');
    await setUpShop(shopId, { floorLimitEligible: true, immediateQuota: 3 });
    await call(shopId, 'PUT', '/recurring/members/M-1', { cardRef: await storeCard(shopId, APPROVE) });
    await call(shopId, 'PUT', '/recurring/members/M-2', { cardRef: await storeCard(shopId, INSUFFICIENT_FUNDS) });

    const over = await json(await call(shopId, 'POST', '/recurring/files?mode=immediate', 'member_id,amount,currency\nM-1,1,JPY\nM-1,2,JPY\nM-1,3,JPY\nM-1,4,JPY\n'));
    expect(over).toMatchObject({ status: 422, body: { error: { code: 'RECURRING_IMMEDIATE_QUOTA_EXCEEDED', message: expect.stringContaining('quota of 3 records') } } });
    expect(await charges(shopId)).toEqual([]);

    const file = await json(await call(shopId, 'POST', '/recurring/files?mode=immediate', 'member_id,amount,currency\nM-1,1200,JPY\nM-2,1300,JPY\n'));
    expect(file).toMatchObject({ status: 201, body: { mode: 'immediate', status: 'merged', accepted: 2 } });
    const settled = await pollUntil('the immediate charges to be authorized', async () => {
      const rows = await charges(shopId);
      return rows.length === 2 && rows.every((row) => row.status !== 'pending') ? rows : undefined;
    });
    expect(settled.map((row) => [row.amount, row.status, row.floor_limit])).toEqual([
      ['1200', 'authorized', false],
      ['1300', 'declined', false],
    ]);
    expect(await processorAuthorizations(shopId)).toHaveLength(2);
    const list = await json(await call(shopId, 'GET', '/recurring/files'));
    expect((list.body.files as { status: string }[]).map((f) => f.status)).toEqual(['merged', 'refused']);
  });

  it("serves a merchant its own cycle's result file at /recurring/cycles/{cycle}/results.csv", async () => {
    const shopA = uniqueShopId('results-a');
    const shopB = uniqueShopId('results-b');
    await setUpShop(shopA);
    await setUpShop(shopB);
    await call(shopA, 'PUT', '/recurring/members/M-1', { cardRef: 'card_r1' });
    await call(shopA, 'POST', `/recurring/files?cycle=${future}`, 'member_id,amount,currency\nM-1,4321,JPY\n');
    const mine = await (await call(shopA, 'GET', `/recurring/cycles/${future}/results.csv`)).text();
    expect(mine.trim().split('\n')).toEqual([expect.stringMatching(/^charge_key,/), expect.stringMatching(/,card_r1,4321,JPY,.*,pending,/)]);
    const theirs = await (await call(shopB, 'GET', `/recurring/cycles/${future}/results.csv`)).text();
    expect(theirs.trim().split('\n')).toHaveLength(1);
  });
});
