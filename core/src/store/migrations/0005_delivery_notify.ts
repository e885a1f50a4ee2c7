// Delivery modes (built-in and admin-defined), outgoing notifications and the in-app inbox.
// Times are ISO-8601 UTC strings (as in 0002) so that comparisons behave alike on SQLite and
// PostgreSQL; JSON is text.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('delivery_modes', (t) => {
    t.string('code', 80).primary();
    t.string('name', 200).notNullable();
    t.text('fields_schema').notNullable(); // JSON Schema of the DELIVER payload, as JSON text
    t.boolean('requires_proof').notNullable().defaultTo(false);
    t.boolean('builtin').notNullable().defaultTo(false);
    t.string('org_id', 64).nullable().index(); // null: offered everywhere
    t.string('created_at', 32).notNullable();
  });

  await knex.schema.createTable('notifications', (t) => {
    t.increments('id').primary();
    t.string('effect_id', 128).notNullable();
    t.string('channel', 32).notNullable();
    t.string('case_id', 64).nullable().index(); // for the in-app channel and for tracing
    t.string('recipient', 320).notNullable(); // phone, e-mail, user id ('' = the case's organisation)
    t.string('template', 64).notNullable();
    t.string('subject', 500).notNullable();
    t.text('body').notNullable();
    t.string('status', 16).notNullable().defaultTo('pending'); // pending | sent | failed
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', 32).notNullable();
    t.text('last_error').nullable();
    t.string('sent_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    // At most one message per effect and channel, however often the effect is dispatched.
    t.unique(['effect_id', 'channel']);
    t.index(['status', 'next_attempt_at']);
  });

  await knex.schema.createTable('inbox_messages', (t) => {
    t.increments('id').primary();
    t.string('user_id', 64).nullable().index(); // null: the case's organisation, not one person
    t.string('case_id', 64).notNullable().index();
    t.string('title', 500).notNullable();
    t.text('body').notNullable();
    t.string('read_at', 32).nullable();
    t.string('created_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('inbox_messages');
  await knex.schema.dropTableIfExists('notifications');
  await knex.schema.dropTableIfExists('delivery_modes');
}
