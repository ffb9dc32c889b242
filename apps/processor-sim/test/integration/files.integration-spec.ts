import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { PROCESSOR_SIGNATURE_HEADER, signProcessorPayload } from '@kessai/processor-contracts';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { ProcessorClient } from './support/processor-client';

const SECRET = 'files-test-signing-secret';
const CAPTURE_HEADER = 'merchant_id,authorization_id,card_id,amount,currency,sale_date,reference';

describe('processor-sim capture and card refresh files', () => {
  const namespace = new TestNamespace('processor-files');
  let service: ServiceProcess;
  let processor: ProcessorClient;

  const upload = (path: string, text: string, signature = signProcessorPayload(SECRET, text, Math.floor(Date.now() / 1000))) =>
    fetch(`${service.baseUrl}/v1/files/${path}`, { method: 'POST', headers: { 'content-type': 'text/csv', [PROCESSOR_SIGNATURE_HEADER]: signature }, body: text });
  const resultOf = async (summary: { resultUrl: string }) => parse(await (await fetch(summary.resultUrl)).text(), { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    service = new ServiceProcess(
      'processor-sim',
      await freePort(),
      namespace.serviceEnvironment('processor', { PROCESSOR_SIGNING_SECRET: SECRET, PROCESSOR_FLOOR_LIMIT_MERCHANTS: 'm-floor:5000' }),
    ).start();
    await service.waitUntilReady();
    processor = new ProcessorClient(service.baseUrl);
  });

  afterAll(async () => {
    await service.stop('SIGKILL');
    await namespace.cleanUp();
  });

  it('settles a capture file line by line: approved sales, settlement declines, floor-limit rules and bad lines', async () => {
    const good = await processor.storeCard('m-files', '4111111111111111');
    const lateDecline = await processor.storeCard('m-files', '4000000000000341');
    const floorCard = await processor.storeCard('m-floor', '4111111111111111');
    const auth = (await processor.authorize('m-files', good.cardId, { amount: 3000 })).body;
    const auth2 = (await processor.authorize('m-files', lateDecline.cardId, { amount: 3000 })).body;
    const auth3 = (await processor.authorize('m-files', good.cardId, { amount: 1000 })).body;
    const file = [
      CAPTURE_HEADER,
      `m-files,${auth.authorizationId},${good.cardId},2500,JPY,2026-11-22,S-1`,
      `m-files,${auth2.authorizationId},${lateDecline.cardId},3000,JPY,2026-11-22,S-2`,
      `m-files,${auth3.authorizationId},${good.cardId},1001,JPY,2026-11-22,S-3`,
      `m-floor,,${floorCard.cardId},4000,JPY,2026-11-22,S-4`,
      `m-floor,,${floorCard.cardId},6000,JPY,2026-11-22,S-5`,
      `m-files,,${good.cardId},100,JPY,2026-11-22,S-6`,
      `m-files,${auth.authorizationId},${good.cardId},12.5,JPY,2026-11-22,S-7`,
      `m-files,${auth.authorizationId},${randomUUID()},100,JPY,2026-11-22,S-8`,
      `m-files,${auth.authorizationId}`,
      `m-files,${auth.authorizationId},${good.cardId},100,JPY,2026-11-22,S-10`,
    ].join('\n');
    const response = await upload('sales-confirmations', file);
    expect(response.status).toBe(201);
    const summary = (await response.json()) as { lines: number; accepted: number; errors: { line: number; field: string }[]; resultUrl: string };
    expect(summary).toMatchObject({ lines: 10, accepted: 2 });
    expect(summary.errors.map((e) => [e.line, e.field])).toEqual([
      [8, 'amount'],
      [9, 'card_id'],
      [10, 'card_id'],
    ]);
    const rows = await resultOf(summary);
    expect(rows.map((r) => [r.line, r.reference, r.status, r.reason_code])).toEqual([
      ['2', 'S-1', 'settled', '00'],
      ['3', 'S-2', 'declined', '05'],
      ['4', 'S-3', 'declined', '13'],
      ['5', 'S-4', 'settled', '00'],
      ['6', 'S-5', 'declined', '61'],
      ['7', 'S-6', 'declined', '57'],
      ['8', 'S-7', 'error', 'PROCESSOR_FILE_LINE_INVALID'],
      ['9', 'S-8', 'error', 'PROCESSOR_FILE_LINE_INVALID'],
      ['10', '', 'error', 'PROCESSOR_FILE_LINE_INVALID'],
      ['11', 'S-10', 'declined', '12'],
    ]);
    const webhooks = await namespace.query<{ type: string; body: string }>(`SELECT type, body FROM "${namespace.schema('processor')}".pending_webhook WHERE type = 'settlement.completed'`);
    expect(JSON.parse(webhooks[0].body).data).toMatchObject({ settled: 2, declined: 5, errors: 3, settledAmount: 6500 });

    // A settled sale can be refunded up to its amount, and a captured authorization no longer cancelled.
    const saleId = rows[0].sale_id;
    const refund = await processor.post(`/v1/sales/${saleId}/refunds`, { merchantId: 'm-files', amount: 2000, idempotencyKey: 'r-1' });
    expect(await refund.json()).toMatchObject({ amount: 2000, refundedTotal: 2000 });
    const tooMuch = await processor.post(`/v1/sales/${saleId}/refunds`, { merchantId: 'm-files', amount: 501, idempotencyKey: 'r-2' });
    expect(await tooMuch.json()).toMatchObject({ error: { code: 'PROCESSOR_REFUND_INVALID', field: 'amount' } });
    const cancel = await processor.post(`/v1/authorizations/${auth.authorizationId}/cancel`, { merchantId: 'm-files' });
    expect(await cancel.json()).toMatchObject({ error: { code: 'PROCESSOR_AUTHORIZATION_NOT_ALLOWED' } });
  });

  it('refuses a capture file with a wrong layout, naming line 1, and a file with a wrong signature', async () => {
    const wrongLayout = await upload('sales-confirmations', 'merchant,amount\nm-1,100\n');
    expect(wrongLayout.status).toBe(422);
    expect(await wrongLayout.json()).toMatchObject({ error: { code: 'PROCESSOR_FILE_LAYOUT_INVALID', field: 'header' } });
    const text = `${CAPTURE_HEADER}\n`;
    const forged = await upload('sales-confirmations', text, signProcessorPayload('not-the-secret-at-all', text, Math.floor(Date.now() / 1000)));
    expect(forged.status).toBe(422);
    expect(await forged.json()).toMatchObject({ error: { code: 'PROCESSOR_SIGNATURE_INVALID', field: PROCESSOR_SIGNATURE_HEADER } });
    const unsigned = await fetch(`${service.baseUrl}/v1/files/card-refreshes`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'card_id\n' });
    expect(await unsigned.json()).toMatchObject({ error: { code: 'PROCESSOR_SIGNATURE_INVALID' } });
  });

  it('answers a card refresh file per card: no change, new expiry, replaced, closed, contact cardholder, unknown', async () => {
    const cards = await Promise.all(
      ['4111111111111111', '4000000000001018', '4000000000001026', '4000000000001034', '4000000000001042'].map((n) => processor.storeCard('m-refresh', n)),
    );
    const unknown = randomUUID();
    const response = await upload('card-refreshes', ['card_id', ...cards.map((c) => c.cardId), unknown, 'garbage'].join('\n'));
    const summary = (await response.json()) as { accepted: number; errors: { line: number; field: string }[]; resultUrl: string };
    expect(summary.accepted).toBe(5);
    expect(summary.errors.map((e) => [e.line, e.field])).toEqual([
      [7, 'card_id'],
      [8, 'card_id'],
    ]);
    const rows = await resultOf(summary);
    expect(rows.map((r) => r.result)).toEqual(['no_change', 'new_expiry', 'replaced', 'closed', 'contact_cardholder', 'error', 'error']);
    expect(rows[1]).toMatchObject({ new_exp_month: '12', new_exp_year: '2034' });
    expect(rows[2].new_card_id).toMatch(/^[0-9a-f-]{36}$/);
    // The network now knows: the closed and the replaced card decline, the replacement approves.
    expect((await processor.authorize('m-refresh', cards[3].cardId)).body).toMatchObject({ status: 'declined', reasonCode: '14' });
    expect((await processor.authorize('m-refresh', cards[2].cardId)).body).toMatchObject({ status: 'declined' });
    expect((await processor.authorize('m-refresh', rows[2].new_card_id)).body).toMatchObject({ status: 'approved' });
  });

  it('answers a resent file with the same idempotency key from its record and makes no second sale', async () => {
    const card = await processor.storeCard('m-floor', '4111111111111111');
    const auth = (await processor.authorize('m-floor', card.cardId, { amount: 2000 })).body;
    const text = [CAPTURE_HEADER, `m-floor,${auth.authorizationId},${card.cardId},2000,JPY,2026-11-23,K-1`, `m-floor,,${card.cardId},300,JPY,2026-11-23,K-2`].join('\n');
    const send = (key: string) =>
      fetch(`${service.baseUrl}/v1/files/sales-confirmations`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'idempotency-key': key, [PROCESSOR_SIGNATURE_HEADER]: signProcessorPayload(SECRET, text, Math.floor(Date.now() / 1000)) },
        body: text,
      });
    const key = `capture-${randomUUID()}`;
    const [first, again] = await Promise.all([send(key), send(key)]);
    const firstSummary = (await first.json()) as { fileId: string; accepted: number; resultUrl: string };
    const againSummary = (await again.json()) as { fileId: string; accepted: number };
    expect(firstSummary.accepted).toBe(2);
    expect(againSummary).toEqual(firstSummary);
    const sales = await namespace.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "${namespace.schema('processor')}".sale WHERE merchant_id = 'm-floor' AND reference IN ('K-1', 'K-2')`,
    );
    expect(sales[0].count).toBe(2);

    // another key with the same lines: the authorization was captured, and the floor-limit reference was used
    const other = (await (await send(`capture-${randomUUID()}`)).json()) as { accepted: number; resultUrl: string };
    expect(other.accepted).toBe(0);
    expect((await resultOf(other)).map((r) => [r.reference, r.status, r.reason_code])).toEqual([
      ['K-1', 'declined', '12'],
      ['K-2', 'declined', '12'],
    ]);
  });
});
