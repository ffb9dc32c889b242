import { randomUUID } from 'node:crypto';
import { TestNamespace } from '@kessai/shared-testing';
import { seedShopWithCards, uniqueShopId } from '../recurring-test-data';
import { SettlementHarness } from './settlement-harness';

const NO_CHANGE = '4111111111111111';
const NEW_EXPIRY = '4000000000001018';
const REPLACED = '4000000000001026';
const CLOSED = '4000000000001034';
const CONTACT = '4000000000001042';

// several engine (re)starts per test on a machine shared with other test runs
jest.setTimeout(300_000);

describe('recurring-engine monthly card refresh (洗替)', () => {
  const harness = new SettlementHarness(new TestNamespace('recurring-refresh'), {
    // no engine is killed here: a long session keeps a slow shop's work in one member
    KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '30000',
  });

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const definitions = (shopId: string) =>
    harness.namespace.query<{ id: string; card_ref: string; stopped: boolean }>(
      `SELECT id, card_ref, stopped_at IS NOT NULL AS stopped FROM ${harness.schema}.recurring_definition WHERE shop_id = $1 ORDER BY id`,
      [shopId],
    );

  it('applies each answer: a new expiry and contact-the-cardholder announced, a replaced card moved, a closed card stopping its definitions; a rerun asks about no card twice and other shops are untouched', async () => {
    const shopId = uniqueShopId('refresh');
    // one after the other: card references sort in the order they were issued, so the replaced card is in the first file
    const cards: string[] = [];
    for (const number of [NO_CHANGE, NEW_EXPIRY, REPLACED, CLOSED, CONTACT]) cards.push(await harness.storeCard(shopId, number));
    await seedShopWithCards(harness.namespace, shopId, cards);
    // a mandate on the card that gets replaced follows it too
    await harness.namespace.query(
      `INSERT INTO ${harness.schema}.mandate (mandate_request_id, shop_id, customer_phone, card_ref, bill_id, amount, currency, consented_at)
       VALUES ($1, $2, '+819012345678', $3, 'bill-1', 1500, 'JPY', now())`,
      [randomUUID(), shopId, cards[2]],
    );
    // a mandate on the card whose account is closed ends: the customer's next bills get a payment link
    const closedCardMandate = randomUUID();
    await harness.namespace.query(
      `INSERT INTO ${harness.schema}.mandate (mandate_request_id, shop_id, customer_phone, card_ref, bill_id, amount, currency, consented_at)
       VALUES ($1, $2, '+818011112222', $3, 'bill-2', 1500, 'JPY', now())`,
      [closedCardMandate, shopId, cards[3]],
    );
    const otherShop = uniqueShopId('refresh-other');
    const otherCard = await harness.storeCard(otherShop, CLOSED);
    await seedShopWithCards(harness.namespace, otherShop, [otherCard]);
    const filesBefore = await harness.processorFiles('card_refresh');

    await harness.run('refresh-cards', shopId, '2026-03');

    const after = await definitions(shopId);
    expect(after.map((d) => d.stopped)).toEqual([false, false, false, true, false]);
    expect(after[0].card_ref).toBe(cards[0]);
    expect(after[2].card_ref).not.toBe(cards[2]);
    const replacement = after[2].card_ref;
    expect(
      await harness.namespace.query(`SELECT card_ref, revocation_reason FROM ${harness.schema}.mandate WHERE shop_id = $1 ORDER BY customer_phone`, [shopId]),
    ).toEqual([
      { card_ref: cards[3], revocation_reason: 'card_closed' },
      { card_ref: replacement, revocation_reason: null },
    ]);
    expect(await harness.events('recurring.mandate.revoked', shopId)).toEqual([
      { payload: expect.objectContaining({ mandateRequestId: closedCardMandate, customerPhone: '+818011112222', reason: 'card_closed' }) },
    ]);

    const refreshed = await harness.events('recurring.card.refreshed', shopId);
    expect(refreshed.map((e) => e.payload).sort((a, b) => String(a.result).localeCompare(String(b.result)))).toEqual([
      expect.objectContaining({ cardRef: cards[3], result: 'closed', definitionsAffected: 1 }),
      expect.objectContaining({ cardRef: cards[4], result: 'contact_cardholder', definitionsAffected: 0 }),
      expect.objectContaining({ cardRef: cards[1], result: 'new_expiry', newExpMonth: 12, newExpYear: 2034 }),
      expect.objectContaining({ cardRef: cards[2], result: 'replaced', newCardRef: replacement, definitionsAffected: 1 }),
    ]);
    expect(await harness.events('recurring.definition.stopped', shopId)).toEqual([
      { payload: expect.objectContaining({ definitionId: `${shopId}-def-000004`, cardRef: cards[3], reason: 'card_closed' }) },
    ]);
    // 5 stored cards, chunks of 4: two files; the replacement, issued during the first, is asked about in the second
    expect((await harness.processorFiles('card_refresh')) - filesBefore).toBe(2);
    expect(
      await harness.namespace.query(`SELECT card_ref, result FROM ${harness.schema}.card_refresh_line WHERE shop_id = $1 AND card_ref = $2`, [shopId, replacement]),
    ).toEqual([{ card_ref: replacement, result: 'no_change' }]);

    // the stopped definition bills no more; the replaced one bills the new card
    await harness.run('generate-charges', shopId, '2026-03');
    const charges = await harness.charges(shopId);
    expect(charges).toHaveLength(4);
    expect(charges.find((c) => c.charge_key === `def:${shopId}-def-000003:2026-03`)?.card_ref).toBe(replacement);

    // rerun of the same cycle: every card was asked about, nothing is sent and no event repeats
    await harness.run('refresh-cards', shopId, '2026-03');
    expect((await harness.processorFiles('card_refresh')) - filesBefore).toBe(2);
    expect(await harness.events('recurring.card.refreshed', shopId)).toHaveLength(4);
    expect(await harness.events('recurring.definition.stopped', shopId)).toHaveLength(1);
    expect(await harness.events('recurring.mandate.revoked', shopId)).toHaveLength(1);

    // the other shop's closed card was not asked about
    expect((await definitions(otherShop)).map((d) => d.stopped)).toEqual([false]);
    expect(await harness.events('recurring.card.refreshed', otherShop)).toEqual([]);
  });
});
