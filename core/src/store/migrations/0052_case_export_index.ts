// The data feed (GET /api/export/cases): cases in the order they last changed, read by keyset.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => t.index(['updated_at', 'id'], 'cases_updated'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => t.dropIndex([], 'cases_updated'));
}
