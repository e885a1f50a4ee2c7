// The statistics of supervision kept as things happen: one row per day, organisation, window,
// staff and item, whose counters each write adds to in its own transaction. A period's rates are
// sums over at most (days × groups) rows, never a scan of the evaluations. '' stands for "none".
import type { Knex } from 'knex';

const ROLLUP_COUNTERS = [
  'evaluations', 'good', 'bad', 'bad_annulled', 'bad_closed', 'bad_closed_on_time', 'real_name_bad', 'real_name_annulled', 'real_name_closed_called_back',
  'callbacks', 'callbacks_satisfied', 'callbacks_dissatisfied', 'callbacks_unreached', 'complaints', 'complaints_confirmed',
] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('supervision_daily', (t) => {
    t.string('day', 10).notNullable();
    t.string('org_id', 64).notNullable();
    t.string('window_id', 64).notNullable();
    t.string('staff_id', 64).notNullable();
    t.string('item_code', 80).notNullable();
    for (const c of ROLLUP_COUNTERS) t.integer(c).notNullable().defaultTo(0);
    t.primary(['org_id', 'day', 'window_id', 'staff_id', 'item_code']);
  });
  // What was there before this migration counts too.
  const rows: { org_id: string; day: string; window_id: string | null; staff_id: string | null; item_code: string; level: number }[] =
    await knex('evaluations').whereNotNull('org_id').select('org_id', 'day', 'window_id', 'staff_id', 'item_code', 'level');
  const sums = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    const key = [r.org_id, r.day, r.window_id ?? '', r.staff_id ?? '', r.item_code].join('\u0000');
    const row = sums.get(key) ?? { org_id: r.org_id, day: r.day, window_id: r.window_id ?? '', staff_id: r.staff_id ?? '', item_code: r.item_code, evaluations: 0, good: 0, bad: 0 };
    row.evaluations = Number(row.evaluations) + 1;
    if (r.level >= 4) row.good = Number(row.good) + 1;
    if (r.level <= 2) row.bad = Number(row.bad) + 1;
    sums.set(key, row);
  }
  for (const row of sums.values()) await knex('supervision_daily').insert(row);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('supervision_daily');
}
