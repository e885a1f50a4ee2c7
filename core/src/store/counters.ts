import type { Sql } from './sql/index.ts';

/**
 * Next value of a named counter, inside the caller's transaction: the row is locked until commit,
 * so concurrent callers queue and a rolled-back transaction gives its number back — numbers are
 * neither reused nor skipped.
 */
export async function nextCounterValue(sql: Sql, scope: string): Promise<number> {
  const row = await sql.first<{ value: number | string }>(
    'insert into counters (scope, value) values (?, 1) on conflict (scope) do update set value = counters.value + 1 returning value',
    [scope],
  );
  return Number(row!.value);
}
