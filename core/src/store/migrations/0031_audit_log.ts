// The audit log (issue 18 point 6): append-only rows, each holding the SHA-256 of the previous row's
// hash and its own content, so a row changed or removed in the middle breaks the chain. `audit_head`
// holds the last row's id and hash: appending updates it in the same transaction, which serialises
// appenders on PostgreSQL (its row lock) as SQLite's one writer does. Triggers refuse UPDATE of a
// row on both stores; only the retention purge deletes, and only from the oldest end.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id').primary();
    t.string('at', 32).notNullable();
    t.string('actor_id', 64).nullable();
    t.string('actor', 100).nullable();
    t.string('org_id', 64).nullable();
    t.string('action', 120).notNullable();
    t.string('target', 200).nullable();
    t.integer('status').nullable();
    t.string('ip', 64).nullable();
    t.text('detail').nullable();
    t.string('prev_hash', 64).notNullable();
    t.string('hash', 64).notNullable();
    t.index(['at']);
    t.index(['actor_id', 'id']);
    t.index(['action', 'id']);
  });
  await knex.schema.createTable('audit_head', (t) => {
    t.integer('id').primary();
    t.bigInteger('last_id').notNullable();
    t.string('last_hash', 64).notNullable();
  });
  await knex('audit_head').insert({ id: 1, last_id: 0, last_hash: '0'.repeat(64) });
  if (knex.client.config.client === 'pg') {
    await knex.raw(`create or replace function audit_log_no_update() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$`);
    await knex.raw('create trigger audit_log_no_update before update on audit_log for each row execute function audit_log_no_update()');
  } else {
    await knex.raw(`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('audit_head');
  await knex.schema.dropTableIfExists('audit_log');
  if (knex.client.config.client === 'pg') await knex.raw('drop function if exists audit_log_no_update()');
}
