// The instance secret of a PostgreSQL deployment without BIANMIN_SECRET (secrets/instance-secret.ts):
// one row, so every server of the deployment derives the same keys. SQLite deployments keep theirs in
// a file of the data folder instead and leave this table empty.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('instance_secret', (t) => {
    t.integer('id').primary();
    t.string('secret', 200).notNullable();
    t.string('created_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('instance_secret');
}
