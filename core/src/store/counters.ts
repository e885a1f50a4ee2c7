import type { Sql } from './sql/index.ts';

/**
 * Next value of a named counter, inside the caller's transaction: the row is locked until commit,
 * so concurrent callers queue and a rolled-back transaction gives its number back — numbers are
 * neither reused nor skipped.
 */
export async function nextCounterValue(sql: Sql, scope: string): Promise<number> {
  // A plain update for a counter that exists (all but the first call of a scope): on SQLite an upsert
  // first tries the insert and fails on the key, at ~1.5× the cost. The upsert creates the row, and
  // settles two first calls racing on PostgreSQL.
  const row =
    (await sql.first<{ value: number | string }>('update counters set value = value + 1 where scope = ? returning value', [scope])) ??
    (await sql.first<{ value: number | string }>(
      'insert into counters (scope, value) values (?, 1) on conflict (scope) do update set value = counters.value + 1 returning value',
      [scope],
    ));
  return Number(row!.value);
}
