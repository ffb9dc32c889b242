import { TestNamespace } from '@kessai/shared-testing';
import { seedShopWithCards, uniqueShopId } from '../recurring-test-data';
import { SettlementHarness } from './settlement-harness';

const APPROVE = '4111111111111111';
const INSUFFICIENT_FUNDS = '4000000000009995';
const DO_NOT_HONOR = '4000000000000002';
const LOST = '4000000000009987';
const HOURS = (days: number) => String(days * 24 + 1);

// Dunning on RECURRING_DUNNING_RETRY_DAYS=3,7: the engine is restarted with its clock moved past each retry day
// (RECURRING_TEST_CLOCK_OFFSET_HOURS, tests only) and the daily retry job is run.
// several engine (re)starts per test on a machine shared with other test runs
jest.setTimeout(300_000);

describe('recurring-engine dunning of soft declines', () => {
  const harness = new SettlementHarness(new TestNamespace('recurring-dunning'), {
    RECURRING_DUNNING_RETRY_DAYS: '3,7',
    // no engine is killed here (restarts leave the group): a long session keeps a slow shop's work in one member
    KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '30000',
  });

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('retries soft declines on schedule with a new key per attempt, stops hard declines at once and after the last retry, and announces every step', async () => {
    const shopId = uniqueShopId('dunning');
    const cards = [
      await harness.storeCard(shopId, APPROVE),
      await harness.storeCard(shopId, INSUFFICIENT_FUNDS),
      await harness.storeCard(shopId, DO_NOT_HONOR),
      await harness.storeCard(shopId, LOST),
    ];
    await seedShopWithCards(harness.namespace, shopId, cards);
    const key = (n: number) => `def:${shopId}-def-00000${n}:2026-02`;
    await harness.run('generate-charges', shopId, '2026-02');
    await harness.run('authorize-charges', shopId, '2026-02');
    expect((await harness.charges(shopId)).map((c) => [c.status, c.decline_code])).toEqual([
      ['authorized', null],
      ['declined', '51'],
      ['declined', '05'],
      ['declined', '41'],
    ]);

    // the day of the decline: soft declines are scheduled for day 3, the lost card stops
    await harness.run('retry-declined-charges', shopId, '2026-02');
    const scheduled = await harness.events('recurring.charge.retry-scheduled', shopId);
    expect(scheduled.map((e) => [e.payload.chargeKey, e.payload.attempt, e.payload.declineCode])).toEqual([
      [key(2), 1, '51'],
      [key(3), 1, '05'],
    ]);
    const retryAt = new Date(scheduled[0].payload.retryAt as string).getTime();
    expect(Math.abs(retryAt - (Date.now() + 3 * 86_400_000))).toBeLessThan(5 * 60_000);
    expect(await harness.events('recurring.charge.dunning-stopped', shopId)).toEqual([
      { payload: expect.objectContaining({ chargeKey: key(4), reason: 'hard_decline', declineCode: '41', attemptsMade: 0 }) },
    ]);
    // nothing is due yet: nothing was sent again
    expect((await harness.processorAuthorizations(shopId)).map((a) => a.idempotency_key)).toEqual([key(1), key(2), key(3), key(4)]);

    // day 3: the member of charge 3 gave a new card meanwhile (the definition bills it now)
    const newCard = await harness.storeCard(shopId, APPROVE);
    await harness.namespace.query(`UPDATE ${harness.schema}.recurring_definition SET card_ref = $1 WHERE id = $2`, [newCard, `${shopId}-def-000003`]);
    await harness.restartEngine({ RECURRING_TEST_CLOCK_OFFSET_HOURS: HOURS(3) });
    await harness.run('retry-declined-charges', shopId, '2026-02');
    // run again the same day: the attempt was made, nothing goes twice
    await harness.run('retry-declined-charges', shopId, '2026-02');
    expect((await harness.processorAuthorizations(shopId)).map((a) => [a.idempotency_key, a.count])).toEqual([
      [key(1), 1],
      [key(2), 1],
      [`${key(2)}#retry-1`, 1],
      [key(3), 1],
      [`${key(3)}#retry-1`, 1],
      [key(4), 1],
    ]);
    const afterFirstRetry = await harness.charges(shopId);
    expect(afterFirstRetry[1]).toMatchObject({ status: 'declined', decline_code: '51' });
    expect(afterFirstRetry[2]).toMatchObject({ status: 'authorized', card_ref: newCard });
    expect(await harness.events('recurring.charge.authorized', shopId)).toEqual([
      { payload: expect.not.objectContaining({ attempt: expect.anything() }) },
      { payload: expect.objectContaining({ chargeKey: key(3), attempt: 1, cardRef: newCard }) },
    ]);
    expect((await harness.events('recurring.charge.declined', shopId)).filter((e) => e.payload.attempt === 1).map((e) => e.payload.chargeKey)).toEqual([key(2)]);
    expect((await harness.events('recurring.charge.retry-scheduled', shopId)).map((e) => [e.payload.chargeKey, e.payload.attempt])).toEqual([
      [key(2), 1],
      [key(3), 1],
      [key(2), 2],
    ]);

    // day 7: the last retry declines again, dunning stops
    await harness.restartEngine({ RECURRING_TEST_CLOCK_OFFSET_HOURS: HOURS(7) });
    await harness.run('retry-declined-charges', shopId, '2026-02');
    expect((await harness.processorAuthorizations(shopId)).map((a) => a.idempotency_key)).toContain(`${key(2)}#retry-2`);
    expect((await harness.events('recurring.charge.dunning-stopped', shopId)).map((e) => [e.payload.chargeKey, e.payload.reason, e.payload.attemptsMade])).toEqual([
      [key(4), 'hard_decline', 0],
      [key(2), 'retries_exhausted', 2],
    ]);
    const file = await (await fetch(`${harness.engine.baseUrl}/shops/${shopId}/cycles/2026-02/results.csv`)).text();
    expect(file).toContain(`${key(2)},`);
    expect(file.split('\n').find((line) => line.startsWith(`${key(2)},`))).toMatch(/,declined,,51,false,,,stopped,2,,retries_exhausted$/);

    // the retry has been authorized like any charge: the capture job takes it with the others
    await harness.run('capture-charges', shopId, '2026-02');
    expect((await harness.charges(shopId)).filter((c) => c.status === 'captured').map((c) => c.charge_key)).toEqual([key(1), key(3)]);
  });
});
