// 差评整改 work orders: a bad evaluation (or a dissatisfied call-back) opens one at the serving
// organisation; its events are kept in order; its deadlines (warning, overdue) are rows a sweeper
// fires, as the cases' are. Bad evaluations stored before become open work orders, and the
// evaluation's own due-date columns, which nothing read, go.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rectifications', (t) => {
    t.string('id', 64).primary();
    t.string('number', 80).notNullable().unique();
    t.string('case_id', 64).notNullable().references('cases.id');
    // What opened it: an evaluation (its id is the case's) or a call-back.
    t.string('source', 16).notNullable();
    t.string('source_id', 64).notNullable();
    t.string('org_id', 64).notNullable().references('orgs.id');
    // Whose head assigns and closes it: the organisation's, or the nearest above that has a head.
    t.string('review_org_id', 64).notNullable().references('orgs.id');
    t.string('window_id', 64).nullable();
    t.string('staff_id', 64).nullable();
    t.string('item_code', 80).notNullable();
    t.integer('level').nullable();
    t.boolean('real_name').notNullable();
    t.string('status', 16).notNullable();
    t.string('assignee_id', 64).nullable();
    t.boolean('justified').nullable();
    t.text('finding').nullable();
    t.text('measures').nullable();
    t.text('explanation').nullable();
    t.integer('follow_ups').notNullable().defaultTo(0);
    t.boolean('reached').nullable();
    t.boolean('satisfied').nullable();
    t.string('appeal_from', 16).nullable();
    t.text('appeal_reason').nullable();
    t.boolean('appeal_upheld').nullable();
    t.string('due_at', 32).notNullable();
    t.string('opened_at', 32).notNullable();
    t.string('closed_at', 32).nullable();
    // The day (Asia/Shanghai) of what opened it: the statistics' rollup row it counts in.
    t.string('day', 10).notNullable();
    t.integer('version').notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['org_id', 'status', 'due_at']);
    t.index(['org_id', 'due_at']);
    t.index(['assignee_id', 'status']);
    t.index(['case_id']);
  });
  await knex.schema.createTable('rectification_events', (t) => {
    t.bigIncrements('id');
    t.string('rectification_id', 64).notNullable().references('rectifications.id');
    t.integer('seq').notNullable();
    t.string('type', 32).notNullable();
    t.text('payload').notNullable();
    t.string('actor_id', 64).nullable();
    t.string('actor_name', 100).nullable();
    t.string('from_status', 16).nullable();
    t.string('to_status', 16).notNullable();
    t.string('at', 32).notNullable();
    t.unique(['rectification_id', 'seq']);
  });
  // The work orders still to be worked on, soonest due first: a few among the year's closed ones.
  await knex.raw("create index rectifications_active_index on rectifications (org_id, due_at) where status not in ('closed', 'annulled')");
  // Deadlines of supervision records (rectifications, refusal reports, 办不成事 answers), claimed
  // and fired once by the supervision sweeper like the cases' deadlines (migration 0006's index).
  await knex.schema.createTable('supervision_deadlines', (t) => {
    t.bigIncrements('id');
    t.string('subject_kind', 32).notNullable();
    t.string('subject_id', 64).notNullable();
    t.string('kind', 32).notNullable();
    t.string('due_at', 32).notNullable();
    t.string('fired_at', 32).nullable();
    t.string('fired_by', 64).nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['subject_kind', 'subject_id', 'kind']);
  });
  await knex.raw('create index supervision_deadlines_unfired_index on supervision_deadlines (due_at) where fired_at is null');

  const old: { case_id: string; level: number; created_at: string; rectification_due_at: string | null; org_id: string; item_code: string; staff_id: string | null; day: string }[] =
    await knex('evaluations').where('level', '<=', 2).orderBy('created_at').select('case_id', 'level', 'created_at', 'rectification_due_at', 'org_id', 'item_code', 'staff_id', 'day');
  for (const e of old) {
    const org = await knex('orgs').where({ id: e.org_id }).first('short_name');
    const year = Number(e.day.slice(0, 4));
    const scope = `doc:${e.org_id}:整:${year}`;
    const current = await knex('counters').where({ scope }).first('value');
    const seq = Number(current?.value ?? 0) + 1;
    if (current) await knex('counters').where({ scope }).update({ value: seq });
    else await knex('counters').insert({ scope, value: seq });
    const dueAt = e.rectification_due_at ?? new Date(Date.parse(e.created_at) + 7 * 86_400_000).toISOString();
    await knex('rectifications').insert({
      id: `r-${e.case_id}`,
      number: `${org.short_name}整〔${year}〕${seq}号`,
      case_id: e.case_id,
      source: 'evaluation',
      source_id: e.case_id,
      org_id: e.org_id,
      review_org_id: e.org_id,
      staff_id: e.staff_id,
      item_code: e.item_code,
      level: e.level,
      real_name: false,
      status: 'open',
      due_at: dueAt,
      opened_at: e.created_at,
      day: e.day,
      version: 1,
      updated_at: e.created_at,
    });
    await knex('rectification_events').insert({
      rectification_id: `r-${e.case_id}`, seq: 0, type: 'OPEN', payload: JSON.stringify({ level: e.level }), from_status: null, to_status: 'open', at: e.created_at,
    });
    await knex('supervision_deadlines').insert([
      { subject_kind: 'rectification', subject_id: `r-${e.case_id}`, kind: 'warning', due_at: new Date(Date.parse(dueAt) - 86_400_000).toISOString(), created_at: e.created_at },
      { subject_kind: 'rectification', subject_id: `r-${e.case_id}`, kind: 'overdue', due_at: dueAt, created_at: e.created_at },
    ]);
  }
  await knex.schema.alterTable('evaluations', (t) => {
    t.dropColumn('rectification_due_at');
    t.dropColumn('rectified_at');
    t.dropColumn('rectification_note');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('evaluations', (t) => {
    t.string('rectification_due_at', 32);
    t.string('rectified_at', 32);
    t.text('rectification_note');
  });
  await knex.raw('drop index supervision_deadlines_unfired_index');
  await knex.raw('drop index rectifications_active_index');
  for (const table of ['supervision_deadlines', 'rectification_events', 'rectifications']) await knex.schema.dropTableIfExists(table);
}
