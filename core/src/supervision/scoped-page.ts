// A page of the rows of several organisations at the cost of the page. A list ordered by time over
// an `org_id in (…)` filter cannot walk one (org_id, time) index in order: the database reads every
// matching row and sorts them (1.3 s for a township's evaluations in a county of 1,000,000 cases,
// bench/RESULTS.md). Instead one statement takes, per organisation, its own first `limit + 1` rows in
// index order and keeps the best `limit + 1` of those. Past `MAX_PARTS` organisations (a county's
// every village) the scope is most of the table, so walking the time index and filtering is cheap.
import type { Knex } from 'knex';

const MAX_PARTS = 60;

export interface OrderBy {
  column: string;
  order: 'asc' | 'desc';
}

/**
 * `part(q, orgIds)` narrows the query to organisations (one, or all of a large scope) and adds the
 * filters and the keyset condition; `order` names the result's columns, so the union can be ordered.
 */
export async function scopedPage<T>(
  db: Knex,
  orgIds: readonly string[],
  part: (orgIds: readonly string[]) => Knex.QueryBuilder,
  order: readonly OrderBy[],
  limit: number,
): Promise<T[]> {
  if (orgIds.length === 0) return [];
  if (orgIds.length === 1 || orgIds.length > MAX_PARTS) return (await part(orgIds).orderBy([...order]).limit(limit)) as T[];
  const parts = orgIds.map((id, i) => db.select('*').from(part([id]).orderBy([...order]).limit(limit).as(`p${i}`)));
  return (await parts[0]!.unionAll(parts.slice(1), false).orderBy(order.map((o) => ({ column: o.column.replace(/^.*\./, ''), order: o.order }))).limit(limit)) as T[];
}
