// The window's evaluator (评价器): when a clerk finishes with an applicant, the case waits on the
// window's tablet to be rated by the applicant there — one case per window at a time.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('evaluation_requests', (t) => {
    t.string('window_id', 64).primary().references('windows.id');
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('requested_by', 64).notNullable();
    t.string('requested_at', 32).notNullable();
  });
  await knex.schema.alterTable('evaluations', (t) => t.index(['created_at']));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('evaluations', (t) => t.dropIndex(['created_at']));
  await knex.schema.dropTableIfExists('evaluation_requests');
}
