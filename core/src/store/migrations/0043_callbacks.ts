// 回访: each month a random sample of the concluded cases of an organisation is drawn once and
// kept (so it cannot be drawn again until it suits), and every call made is recorded with its result.
// Cases are found by where and when they closed, hence the index.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => t.index(['receiving_org_id', 'closed_at']));
  await knex.schema.createTable('callback_samples', (t) => {
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('month', 7).notNullable();
    t.string('case_id', 64).notNullable().references('cases.id');
    t.integer('position').notNullable();
    t.string('drawn_by', 64).notNullable();
    t.string('drawn_at', 32).notNullable();
    t.primary(['org_id', 'month', 'case_id']);
  });
  await knex.schema.createTable('callbacks', (t) => {
    t.string('id', 64).primary();
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('window_id', 64).nullable();
    t.string('staff_id', 64).nullable();
    t.string('item_code', 80).notNullable();
    t.boolean('sampled').notNullable();
    t.boolean('reached').notNullable();
    t.boolean('satisfied').nullable();
    t.text('note').nullable();
    t.string('called_by', 64).notNullable();
    t.string('caller_name', 100).notNullable();
    t.string('called_at', 32).notNullable();
    t.string('rectification_id', 64).nullable();
    t.string('day', 10).notNullable();
    t.index(['org_id', 'called_at']);
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('callbacks');
  await knex.schema.dropTableIfExists('callback_samples');
  await knex.schema.alterTable('cases', (t) => t.dropIndex(['receiving_org_id', 'closed_at']));
}
