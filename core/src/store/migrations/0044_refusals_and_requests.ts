// 否定报备 (seed 003 village item 32, township item 38 窗口无否决权): every refusal or denial by a
// clerk or agent is reported to the centre head, or — where the organisation's setting asks for
// it — must be countersigned by the head first. 办不成事 (township item 28): a request no item
// covers, with a named owner and an answer due date. And the organisation settings of supervision,
// each null where the organisation takes its parent's.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('refusal_reports', (t) => {
    t.string('id', 64).primary();
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('org_id', 64).notNullable().references('orgs.id');
    // The organisation whose head reviews it (the refusing one, or the nearest above with a head).
    t.string('review_org_id', 64).notNullable().references('orgs.id');
    t.string('event_type', 16).notNullable();
    t.text('reason').notNullable();
    t.string('mode', 16).notNullable();
    t.string('status', 16).notNullable();
    t.string('staff_id', 64).notNullable();
    t.string('staff_name', 100).notNullable();
    t.string('reviewer_id', 64).nullable();
    t.string('reviewer_name', 100).nullable();
    t.text('review_note').nullable();
    t.string('reviewed_at', 32).nullable();
    t.integer('event_seq').nullable();
    t.string('created_at', 32).notNullable();
    t.string('day', 10).notNullable();
    t.index(['org_id', 'created_at']);
    t.index(['case_id']);
  });
  await knex.schema.createTable('unresolved_requests', (t) => {
    t.string('id', 64).primary();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('received_at', 32).notNullable();
    t.string('requester', 100).notNullable();
    t.string('phone', 40).nullable();
    t.text('content').notNullable();
    t.string('owner_id', 64).notNullable();
    t.string('answer_due_at', 32).notNullable();
    t.string('status', 16).notNullable();
    t.text('answer').nullable();
    t.string('answered_at', 32).nullable();
    t.string('recorded_by', 64).notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['org_id', 'status', 'answer_due_at']);
    t.index(['owner_id', 'status']);
  });
  await knex.schema.createTable('supervision_settings', (t) => {
    t.string('org_id', 64).primary().references('orgs.id');
    t.integer('rectification_days').nullable();
    t.string('refusal_review', 16).nullable();
    t.integer('callback_sample_size').nullable();
    t.string('updated_by', 64).nullable();
    t.string('updated_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['supervision_settings', 'unresolved_requests', 'refusal_reports']) await knex.schema.dropTableIfExists(table);
}
