import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { newId } from '@kessai/shared-ids';

describe('billing-requests CSV import and export', () => {
  const namespace = new TestNamespace('billing-imports');
  let service: ServiceProcess;
  const header = 'merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods,customerName,customerPhone,taxAmount';

  const upload = async (merchantId: string, body: string | Buffer, query = '') => {
    const response = await fetch(`${service.baseUrl}/bill-imports${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-kessai-merchant-id': merchantId },
      body,
      duplex: 'half',
    } as RequestInit);
    return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as Record<string, unknown> };
  };
  const get = (merchantId: string, path: string) => fetch(`${service.baseUrl}${path}`, { headers: { 'x-kessai-merchant-id': merchantId } });

  beforeAll(async () => {
    service = new ServiceProcess(
      'billing-requests',
      await freePort(),
      namespace.serviceEnvironment('billing', { SMS_DISPATCH_INTERVAL_MS: '0', WEBHOOK_DELIVERY_INTERVAL_MS: '0' }),
    ).start();
    await service.waitUntilReady();
  });

  afterAll(async () => {
    await service.stop('SIGKILL');
    await namespace.cleanUp();
  });

  const file = [
    header,
    'CSV-1,3300,JPY,2099-01-31,card|konbini,山田 太郎,090-1234-5678,300',
    'CSV-2,33.5,JPY,2099-01-31,card,,,',
    'CSV-3,1200,JPY,2099-02-28,konbini,,,',
    'CSV-4,5000,JPY,2099-03-31,card,佐藤,03-1234-5678,',
    'CSV-5,800,JPY,2099-03-31,wallet,,,',
    '',
  ].join('\r\n');

  it('accepts every valid line, reports each invalid one with line, column and reason, and publishes the created bills', async () => {
    const result = await upload('merchant-csv', file);
    expect(result.status).toBe(202);
    expect(result.location).toBe(`/bill-imports/${result.body.id}`);
    expect(result.body).toMatchObject({ status: 'completed', encoding: 'utf-8', rowsRead: 5, accepted: 3, duplicates: 0, rejected: 2, error: null });

    const report = await get('merchant-csv', `/bill-imports/${result.body.id}/errors.csv`);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const lines = parse(await report.text(), { columns: true, bom: true }) as { line: string; column: string; reason: string }[];
    expect(lines.map((l) => [l.line, l.column])).toEqual([
      ['3', 'amount'],
      ['5', 'customerPhone'],
    ]);
    expect(lines[0].reason).toContain('whole number');

    const bills = (await (await get('merchant-csv', '/bills')).json()) as { items: { merchantBillNumber: string; status: string; customerPhone: string | null }[] };
    expect(bills.items.map((b) => [b.merchantBillNumber, b.status])).toEqual([
      ['CSV-1', 'scheduled'],
      ['CSV-3', 'created'],
      ['CSV-5', 'created'],
    ]);
    expect(bills.items[0].customerPhone).toBe('+819012345678');
    const events = await pollUntil('three created events', async () => {
      const all = await namespace.kafka.readAll(namespace.topic('billing.bill.created.v1'));
      return all.length >= 3 ? all : undefined;
    });
    expect(events.map((m) => JSON.parse(m.value ?? '{}').payload.merchantBillNumber).sort()).toEqual(['CSV-1', 'CSV-3', 'CSV-5']);
    expect(JSON.parse(events.find((m) => m.value?.includes('CSV-1'))?.value ?? '{}').payload).toMatchObject({
      customerName: '山田 太郎',
      taxAmount: 300,
      paymentLinkToken: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
    const sms = await namespace.query(`SELECT to_phone FROM "${namespace.schema('billing')}".sms_message`);
    expect(sms).toEqual([{ to_phone: '+819012345678' }]);
  });

  it('creates nothing twice when the same file comes again', async () => {
    const again = await upload('merchant-csv', file);
    expect(again.body).toMatchObject({ status: 'completed', rowsRead: 5, accepted: 0, duplicates: 3, rejected: 2 });
    const rows = await namespace.query(`SELECT 1 FROM "${namespace.schema('billing')}".bill WHERE merchant_id = 'merchant-csv'`);
    expect(rows).toHaveLength(3);
  });

  it('reads a Shift_JIS file, detected from its bytes', async () => {
    const sjis = iconv.encode(`${header}\r\nSJIS-1,2000,JPY,2099-01-31,card,髙橋 花子,080-1111-2222,\r\n`, 'Shift_JIS');
    const result = await upload('merchant-sjis', sjis);
    expect(result.body).toMatchObject({ status: 'completed', encoding: 'shift_jis', accepted: 1 });
    const bills = (await (await get('merchant-sjis', '/bills')).json()) as { items: { customerName: string }[] };
    expect(bills.items[0].customerName).toBe('髙橋 花子');
  });

  it('refuses a file whose header lacks a required column, saying which', async () => {
    const result = await upload('merchant-bad-header', 'merchantBillNumber,amount,currency,dueDate\r\nX-1,100,JPY,2099-01-31\r\n');
    expect(result.body).toMatchObject({ status: 'failed', accepted: 0, error: expect.stringContaining('allowedPaymentMethods') });
    const report = await (await get('merchant-bad-header', `/bill-imports/${result.body.id}/errors.csv`)).text();
    expect(report).toContain('1,allowedPaymentMethods,required column missing from the header row');
  });

  it('shows the counts of an import while its file is still arriving', async () => {
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `BIG-${from + i},1000,JPY,2099-01-31,card,,,`).join('\n') + '\n';
    let push: (text: string | null) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => (text === null ? controller.close() : controller.enqueue(new TextEncoder().encode(text)));
      },
    });
    const pending = fetch(`${service.baseUrl}/bill-imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-kessai-merchant-id': 'merchant-big' },
      body,
      duplex: 'half',
    } as RequestInit);
    push(`${header}\n${rows(0, 4500)}`);
    const response = await pending;
    const location = response.headers.get('location') as string;
    const progress = await pollUntil('two batches to be written', async () => {
      const status = (await (await get('merchant-big', location)).json()) as { status: string; accepted: number };
      return status.accepted >= 4000 ? status : undefined;
    });
    expect(progress.status).toBe('running');
    push(rows(4500, 5000));
    push(null);
    expect(await response.json()).toMatchObject({ status: 'completed', rowsRead: 5000, accepted: 5000 });
  });

  it('queues the merchant\'s webhooks for the imported bills, with the ids of their created and scheduled events', async () => {
    const merchant = 'merchant-csv-hooks';
    const endpoint = await fetch(`${service.baseUrl}/webhook-endpoint`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchant },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/hooks' }),
    });
    expect(endpoint.status).toBe(200);
    const result = await upload(merchant, `${header}\nH-1,1000,JPY,2099-01-31,card,,090-5555-6666,\nH-2,2000,JPY,2099-01-31,card,,,\n`);
    expect(result.body).toMatchObject({ accepted: 2 });
    const deliveries = (await (await get(merchant, '/webhook-deliveries')).json()) as {
      items: { eventId: string; eventType: string; status: string; body: { data: { merchantBillNumber?: string } } }[];
    };
    expect(deliveries.items.map((d) => d.eventType).sort()).toEqual(['billing.bill.created', 'billing.bill.created', 'billing.bill.scheduled']);
    expect(deliveries.items.every((d) => d.status === 'pending')).toBe(true);
    const outbox = await namespace.query<{ event_id: string }>(
      `SELECT event_id FROM "${namespace.schema('billing')}".outbox_message WHERE envelope->>'merchantId' = $1`,
      [merchant],
    );
    expect(deliveries.items.map((d) => d.eventId).sort()).toEqual(outbox.map((o) => o.event_id).sort());
    const created = deliveries.items.filter((d) => d.eventType === 'billing.bill.created');
    expect(created.map((d) => d.body.data.merchantBillNumber).sort()).toEqual(['H-1', 'H-2']);
  });

  it('exports the merchant\'s bills with status and payment link as a streamed CSV', async () => {
    const response = await get('merchant-csv', '/bill-exports/bills.csv?dueDateTo=2099-02-28');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.merchantBillNumber, r.status, r.amount, r.dueDate])).toEqual([
      ['CSV-1', 'scheduled', '3300', '2099-01-31'],
      ['CSV-3', 'created', '1200', '2099-02-28'],
    ]);
    expect(rows[0].paymentLink).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
    expect(rows[0].customerPhone).toBe('+819012345678');
  });

  it('keeps line items and a message with tab, backslash and line break exactly, and refuses items that do not add up to the amount', async () => {
    const merchant = 'merchant-csv-items';
    const csv = [
      'merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods,lineItems,message',
      'I-1,10800,JPY,2099-01-31,card,水道料金 11月分:1:9800|下水道使用料:2:500,"C:\\path\tand\nnext line"',
      'I-2,10000,JPY,2099-01-31,card,水道料金:1:9800,',
      '',
    ].join('\n');
    const result = await upload(merchant, csv);
    expect(result.body).toMatchObject({ status: 'completed', accepted: 1, rejected: 1 });
    const report = parse(await (await get(merchant, `/bill-imports/${result.body.id}/errors.csv`)).text(), { columns: true, bom: true }) as Record<string, string>[];
    // the file's own line number: I-1's quoted message spans lines 2 and 3
    expect(report.map((r) => [r.line, r.column])).toEqual([['4', 'lineItems']]);
    const [bill] = await namespace.query<{ line_items: unknown; message: string }>(
      `SELECT line_items, message FROM "${namespace.schema('billing')}".bill WHERE merchant_id = $1`,
      [merchant],
    );
    expect(bill).toEqual({
      line_items: [
        { description: '水道料金 11月分', quantity: 1, unitAmount: 9800 },
        { description: '下水道使用料', quantity: 2, unitAmount: 500 },
      ],
      message: 'C:\\path\tand\nnext line',
    });
  });

  it('charges the bill of a customer with a mandate automatically instead of queuing its link SMS', async () => {
    const merchant = 'merchant-csv-mandate';
    const mandateId = `consent-${Date.now()}`;
    await namespace.kafka.send(namespace.topic('recurring.mandate.created.v1'), [
      {
        key: merchant,
        value: JSON.stringify({
          eventId: newId(),
          type: 'recurring.mandate.created',
          version: 1,
          occurredAt: new Date().toISOString(),
          merchantId: merchant,
          correlationId: 'it',
          payload: { mandateRequestId: mandateId, cardRef: 'card-1', billId: 'bill-0', consentedAt: new Date().toISOString(), customerPhone: '+819077776666' },
        }),
      },
    ]);
    await pollUntil('the mandate in billing', async () => {
      const rows = await namespace.query(`SELECT 1 FROM "${namespace.schema('billing')}".customer_mandate WHERE mandate_id = $1`, [mandateId]);
      return rows.length === 1;
    });
    const result = await upload(merchant, `${header}\nM-1,3300,JPY,2099-01-31,card,,090-7777-6666,\nM-2,3300,JPY,2099-01-31,card,,090-7777-5555,\n`);
    expect(result.body).toMatchObject({ accepted: 2 });
    const bills = await namespace.query<{ merchant_bill_number: string; status: string; auto_charge_mandate_id: string | null; sms: number }>(
      `SELECT b.merchant_bill_number, b.status, b.auto_charge_mandate_id, (SELECT count(*)::int FROM "${namespace.schema('billing')}".sms_message s WHERE s.bill_id = b.id) AS sms
       FROM "${namespace.schema('billing')}".bill b WHERE b.merchant_id = $1 ORDER BY b.merchant_bill_number`,
      [merchant],
    );
    expect(bills).toEqual([
      { merchant_bill_number: 'M-1', status: 'created', auto_charge_mandate_id: mandateId, sms: 0 },
      { merchant_bill_number: 'M-2', status: 'scheduled', auto_charge_mandate_id: null, sms: 1 },
    ]);
    const requests = await namespace.query<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM "${namespace.schema('billing')}".outbox_message WHERE envelope->>'type' = 'billing.bill.auto-charge-requested' AND envelope->>'merchantId' = $1`,
      [merchant],
    );
    expect(requests.map((r) => r.payload)).toEqual([expect.objectContaining({ merchantBillNumber: 'M-1', mandateId, amount: 3300, currency: 'JPY' })]);
  });
});
