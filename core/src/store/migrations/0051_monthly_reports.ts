// Monthly reports (issue 17; seed 004 附1 四.2① 每月向县上报报表): one per organisation and month,
// its figures computed from the statistics and kept as JSON, its status moving draft → submitted →
// returned | accepted (locked) through events, each with its history row.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('monthly_reports', (t) => {
    t.string('id', 64).primary();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('month', 7).notNullable();
    t.string('status', 16).notNullable();
    t.text('figures').notNullable();
    t.string('computed_at', 32).notNullable();
    t.text('return_note');
    t.integer('version').notNullable();
    t.string('created_by', 64).notNullable();
    t.string('created_at', 32).notNullable();
    t.string('submitted_at', 32);
    t.string('accepted_at', 32);
    t.string('accepted_by', 64);
    t.unique(['org_id', 'month']);
    t.index(['month', 'org_id']);
  });
  await knex.schema.createTable('monthly_report_events', (t) => {
    t.bigIncrements('id');
    t.string('report_id', 64).notNullable().references('monthly_reports.id');
    t.string('type', 16).notNullable();
    t.string('from_status', 16);
    t.string('to_status', 16).notNullable();
    t.text('note');
    t.string('actor_id', 64).notNullable();
    t.string('actor_org_id', 64).notNullable();
    t.string('at', 32).notNullable();
    t.index(['report_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('monthly_report_events');
  await knex.schema.dropTableIfExists('monthly_reports');
}
