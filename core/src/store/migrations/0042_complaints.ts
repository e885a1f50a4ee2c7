// 投诉处理记录本 (seed 003 township item 41): the six fields of the paper book — date, complainant,
// phone, content, outcome, recorder — plus where it came from, what it is about, and the
// investigate → handle → reply trail with dates (seed 001 三(四)3 投诉受理调查处理反馈制).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('complaints', (t) => {
    t.string('id', 64).primary();
    t.string('number', 80).notNullable().unique();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('received_at', 32).notNullable();
    t.string('complainant', 100).notNullable();
    t.string('phone', 40).nullable();
    t.text('content').notNullable();
    t.string('source', 16).notNullable();
    t.string('subject_kind', 16).nullable();
    t.string('subject_id', 64).nullable();
    t.string('subject_name', 200).nullable();
    t.string('case_id', 64).nullable();
    t.string('recorded_by', 64).nullable();
    t.string('recorder_name', 100).notNullable();
    t.string('status', 16).notNullable();
    t.boolean('confirmed').nullable();
    t.text('finding').nullable();
    t.string('investigated_at', 32).nullable();
    t.text('result').nullable();
    t.string('handled_at', 32).nullable();
    t.text('reply').nullable();
    t.string('reply_method', 16).nullable();
    t.string('reply_number', 80).nullable();
    t.string('replied_at', 32).nullable();
    t.string('closed_at', 32).nullable();
    t.string('day', 10).notNullable();
    t.integer('version').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['org_id', 'received_at']);
    t.index(['org_id', 'status']);
  });
  await knex.schema.createTable('complaint_events', (t) => {
    t.bigIncrements('id');
    t.string('complaint_id', 64).notNullable().references('complaints.id');
    t.integer('seq').notNullable();
    t.string('type', 32).notNullable();
    t.text('payload').notNullable();
    t.string('actor_id', 64).nullable();
    t.string('actor_name', 100).nullable();
    t.string('from_status', 16).nullable();
    t.string('to_status', 16).notNullable();
    t.string('at', 32).notNullable();
    t.unique(['complaint_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('complaint_events');
  await knex.schema.dropTableIfExists('complaints');
}
