import type { Knex } from 'knex';

/**
 * Next value of a named counter, inside the caller's transaction: the row is locked until commit,
 * so concurrent callers queue and a rolled-back transaction gives its number back — numbers are
 * neither reused nor skipped.
 */
export async function nextCounterValue(trx: Knex | Knex.Transaction, scope: string): Promise<number> {
  const result = await trx.raw(
    'insert into counters (scope, value) values (?, 1) on conflict (scope) do update set value = counters.value + 1 returning value',
    [scope],
  );
  const rows: { value: number | string }[] = Array.isArray(result) ? result : result.rows;
  return Number(rows[0]!.value);
}
