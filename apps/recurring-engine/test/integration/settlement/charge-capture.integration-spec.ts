import { parse } from 'csv-parse/sync';
import { TestNamespace } from '@kessai/shared-testing';
import { seedShopWithCards, uniqueShopId } from '../recurring-test-data';
import { SettlementHarness } from './settlement-harness';

const APPROVE = '4111111111111111';
const SETTLEMENT_DECLINED = '4000000000000341';

// generate → authorize → capture-charges for one cycle, against processor-sim as a real process (chunks of 4,
// so a shop's capture takes several files).
// several engine (re)starts per test on a machine shared with other test runs
jest.setTimeout(300_000);

describe('recurring-engine next-day sales confirmation (capture) and settlement', () => {
  const harness = new SettlementHarness(new TestNamespace('recurring-capture'));
  // processor-sim learns its floor-limit merchants at start, so these shops are named first
  const floorShop = uniqueShopId('floor-cap');
  const crashShop = uniqueShopId('floor-crash');

  beforeAll(() => harness.start({ PROCESSOR_FLOOR_LIMIT_MERCHANTS: `${floorShop}:100000,${crashShop}:100000` }));
  afterAll(() => harness.stop());

  it('captures authorized charges in capture files, declines the one the network refuses at settlement, announces each and lists the sale in the result file', async () => {
    const shopId = uniqueShopId('capture');
    const cards = [...(await Promise.all(Array.from({ length: 5 }, () => harness.storeCard(shopId, APPROVE)))), await harness.storeCard(shopId, SETTLEMENT_DECLINED)];
    await seedShopWithCards(harness.namespace, shopId, cards);
    // a second shop of the same cycle that nobody asked to capture
    const otherShop = uniqueShopId('untouched');
    await seedShopWithCards(harness.namespace, otherShop, [await harness.storeCard(otherShop, APPROVE)]);
    for (const shop of [shopId, otherShop]) {
      await harness.run('generate-charges', shop, '2026-02');
      await harness.run('authorize-charges', shop, '2026-02');
    }
    const filesBefore = await harness.processorFiles('sales_confirmation');

    await harness.run('capture-charges', shopId, '2026-02');

    const charges = await harness.charges(shopId);
    const declinedKey = `def:${shopId}-def-000006:2026-02`;
    expect(charges.filter((c) => c.status === 'captured' && c.sale_id !== null)).toHaveLength(5);
    expect(charges.find((c) => c.charge_key === declinedKey)).toMatchObject({ status: 'settlement_declined', decline_code: '05', sale_id: null });
    // two files of at most 4 lines; each charge key is one sale reference at the processor
    expect((await harness.processorFiles('sales_confirmation')) - filesBefore).toBe(2);
    expect(await harness.processorSales(shopId)).toEqual(
      charges.filter((c) => c.status === 'captured').map((c) => ({ reference: c.charge_key, count: 1 })),
    );

    const captured = await harness.events('recurring.charge.captured', shopId);
    expect(captured).toHaveLength(5);
    expect(captured[0].payload).toMatchObject({ cycle: '2026-02', amount: 1500, currency: 'JPY', floorLimit: false, saleDate: '2026-02-27' });
    expect(new Set(captured.map((e) => e.payload.saleId))).toEqual(new Set(charges.filter((c) => c.sale_id).map((c) => c.sale_id)));
    expect(await harness.events('recurring.charge.settlement-declined', shopId)).toEqual([
      { payload: expect.objectContaining({ chargeKey: declinedKey, declineCode: '05', reason: 'do_not_honor', floorLimit: false }) },
    ]);

    // the other shop was not touched
    expect((await harness.charges(otherShop)).map((c) => c.status)).toEqual(['authorized']);
    expect(await harness.processorSales(otherShop)).toEqual([]);

    // a rerun sends nothing: every charge is in a file already
    await harness.run('capture-charges', shopId, '2026-02');
    expect((await harness.processorFiles('sales_confirmation')) - filesBefore).toBe(2);
    expect(await harness.events('recurring.charge.captured', shopId)).toHaveLength(5);

    const file = await fetch(`${harness.engine.baseUrl}/shops/${shopId}/cycles/2026-02/results.csv`);
    const rows = parse(await file.text(), { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.status === 'captured' && row.sale_id !== '' && row.captured_on !== '')).toHaveLength(5);
    expect(rows.find((row) => row.charge_key === declinedKey)).toMatchObject({ status: 'settlement_declined', decline_code: '05', sale_id: '' });
  });

  it('captures floor-limit charges without authorization ids', async () => {
    await seedShopWithCards(harness.namespace, floorShop, await Promise.all([harness.storeCard(floorShop, APPROVE), harness.storeCard(floorShop, APPROVE)]), {
      floorLimit: true,
    });
    await harness.run('generate-charges', floorShop, '2026-02');
    await harness.run('authorize-charges', floorShop, '2026-02');
    await harness.run('capture-charges', floorShop, '2026-02');
    expect((await harness.charges(floorShop)).map((c) => [c.status, c.authorization_id, c.sale_id !== null])).toEqual([
      ['captured', null, true],
      ['captured', null, true],
    ]);
    expect((await harness.events('recurring.charge.captured', floorShop)).map((e) => e.payload.floorLimit)).toEqual([true, true]);
  });

  it('captures each floor-limit charge exactly once at the processor when killed after the processor settled a file and before it was applied', async () => {
    const cards = await Promise.all(Array.from({ length: 10 }, () => harness.storeCard(crashShop, APPROVE)));
    await seedShopWithCards(harness.namespace, crashShop, cards, { floorLimit: true });
    await harness.run('generate-charges', crashShop, '2026-03');
    await harness.run('authorize-charges', crashShop, '2026-03');
    await harness.engine.stop('SIGTERM');

    const crashing = await harness.startEngine({ FAILPOINTS: 'recurring.capture.after-processor-answer' });
    const executionId = await harness.launch('capture-charges', crashShop, '2026-03', crashing);
    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    // the processor settled the first file; the engine applied nothing of it
    expect(await harness.processorSales(crashShop)).toHaveLength(4);
    expect((await harness.charges(crashShop)).every((c) => c.status === 'authorized')).toBe(true);

    harness.engine = await harness.startEngine();
    expect((await harness.finished('capture-charges', executionId)).status).toBe('succeeded');
    const charges = await harness.charges(crashShop);
    expect(charges.every((c) => c.status === 'captured')).toBe(true);
    const sales = await harness.processorSales(crashShop);
    expect(sales).toHaveLength(10);
    expect(sales.every((sale) => sale.count === 1)).toBe(true);
    expect(await harness.events('recurring.charge.captured', crashShop)).toHaveLength(10);
    expect(await harness.events('recurring.charge.settlement-declined', crashShop)).toEqual([]);
  });
});
