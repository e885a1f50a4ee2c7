// Staff messages about more than cases: a rectification, complaint, refusal report or 办不成事
// request. A message names what it is about (`link_kind`, `link_id`); its case is optional now.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('inbox_messages', (t) => {
    t.string('case_id', 64).nullable().alter();
    t.string('link_kind', 32).nullable();
    t.string('link_id', 64).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('inbox_messages').whereNull('case_id').delete();
  await knex.schema.alterTable('inbox_messages', (t) => {
    t.dropColumn('link_kind');
    t.dropColumn('link_id');
    t.string('case_id', 64).notNullable().alter();
  });
}
