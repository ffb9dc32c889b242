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
