import { randomUUID } from 'node:crypto';
import { TestNamespace } from '@kessai/shared-testing';

/** Test data written straight into a suite's recurring schema (shops, members, definitions). */
export async function seedShop(
  namespace: TestNamespace,
  shopId: string,
  definitions: number,
  options: { floorLimit?: boolean; startCycle?: string; endCycle?: string | null; dayOfCycle?: number } = {},
): Promise<void> {
  const schema = `"${namespace.schema('recurring')}"`;
  await namespace.query(`INSERT INTO ${schema}.shop (id, cycle_deadline_day, floor_limit_eligible, immediate_quota) VALUES ($1, 5, $2, 1000)`, [
    shopId,
    options.floorLimit ?? false,
  ]);
  await namespace.query(
    `WITH members AS (
       INSERT INTO ${schema}.member (id, shop_id, external_member_id)
       SELECT gen_random_uuid(), $1, 'member-' || lpad(n::text, 6, '0') FROM generate_series(1, $2::int) AS n
       RETURNING id, external_member_id)
     INSERT INTO ${schema}.recurring_definition (id, shop_id, member_id, card_ref, amount, currency, day_of_cycle, start_cycle, end_cycle)
     SELECT $1 || '-def-' || substr(external_member_id, 8), $1, id, 'card_' || substr(external_member_id, 8), 1000 + substr(external_member_id, 8)::int,
            'JPY', $3, $4, $5
     FROM members`,
    [shopId, definitions, options.dayOfCycle ?? 31, options.startCycle ?? '2026-01', options.endCycle ?? null],
  );
}

export const uniqueShopId = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** A shop whose definitions charge the given processor card references (one member each), on the 27th. */
export async function seedShopWithCards(namespace: TestNamespace, shopId: string, cardRefs: string[], options: { floorLimit?: boolean } = {}): Promise<void> {
  const schema = `"${namespace.schema('recurring')}"`;
  await namespace.query(`INSERT INTO ${schema}.shop (id, cycle_deadline_day, floor_limit_eligible, immediate_quota) VALUES ($1, 10, $2, 1000)`, [
    shopId,
    options.floorLimit ?? false,
  ]);
  await namespace.query(
    `WITH cards AS (SELECT card_ref, n FROM unnest($2::text[]) WITH ORDINALITY AS c(card_ref, n)),
     members AS (
       INSERT INTO ${schema}.member (id, shop_id, external_member_id)
       SELECT gen_random_uuid(), $1, 'member-' || lpad(n::text, 6, '0') FROM cards RETURNING id, external_member_id)
     INSERT INTO ${schema}.recurring_definition (id, shop_id, member_id, card_ref, amount, currency, day_of_cycle, start_cycle)
     SELECT $1 || '-def-' || lpad(cards.n::text, 6, '0'), $1, members.id, cards.card_ref, 1500, 'JPY', 27, '2026-01'
     FROM cards JOIN members ON members.external_member_id = 'member-' || lpad(cards.n::text, 6, '0')`,
    [shopId, cardRefs],
  );
}
