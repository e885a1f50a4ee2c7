// The statistics of cases (issue 17), kept by an incremental job over the event log rather than in
// the step's transaction (stats/fold-case-events.ts says why): one row per day, organisation, item,
// channel and member of staff, whose counters the job adds to; and the job's cursor, written in the
// same transaction as the counters it moved, so a restart resumes exactly where the last fold ended.
// On PostgreSQL the cursor cannot be the event id alone: ids are taken at insert and committed out
// of order, so a fold could pass an id whose transaction commits later. Each event row records its
// transaction (`txid`, by default, so no insert changes); the job folds only the events of
// transactions older than every running one (`pg_snapshot_xmin`), which are all committed or gone.
import type { Knex } from 'knex';

export const CASE_STATS_COUNTERS = [
  'received', 'accepted', 'concluded', 'refused', 'referred', 'withdrawn', 'agent',
  // on_time of `timed` (concluded with a promised due date); immediate_within of immediate_concluded.
  'timed', 'on_time', 'immediate_concluded', 'immediate_within',
  // Working days from acceptance to conclusion, summed, and how many conclusions they cover.
  'work_days_sum', 'work_days_n',
] as const;

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable('case_stats_daily', (t) => {
    t.string('org_id', 64).notNullable();
    t.string('day', 10).notNullable();
    t.string('item_code', 80).notNullable();
    t.string('channel', 16).notNullable();
    t.string('staff_id', 64).notNullable();
    for (const c of CASE_STATS_COUNTERS) t.integer(c).notNullable().defaultTo(0);
    t.primary(['org_id', 'day', 'item_code', 'channel', 'staff_id']);
  });
  await knex.schema.createTable('stats_cursors', (t) => {
    t.string('name', 40).primary();
    // The last event folded: its transaction (PostgreSQL; 0 on SQLite) and its id.
    t.bigInteger('txid').notNullable();
    t.bigInteger('event_id').notNullable();
    t.bigInteger('folded').notNullable();
    t.string('updated_at', 32).notNullable();
  });
  await knex('stats_cursors').insert({ name: 'case-events', txid: 0, event_id: 0, folded: 0, updated_at: new Date(0).toISOString() });
  if (pg) {
    await knex.raw('alter table case_events add column txid xid8 not null default pg_current_xact_id()');
    await knex.raw('create index case_events_txid on case_events (txid, id)');
  }
  // The 台账 of a station: the cases taken in there, by day.
  await knex.schema.alterTable('cases', (t) => t.index(['intake_org_id', 'received_at'], 'cases_intake_received'));
}

export async function down(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('cases', (t) => t.dropIndex([], 'cases_intake_received'));
  if (pg) await knex.raw('alter table case_events drop column txid');
  await knex.schema.dropTableIfExists('stats_cursors');
  await knex.schema.dropTableIfExists('case_stats_daily');
}
