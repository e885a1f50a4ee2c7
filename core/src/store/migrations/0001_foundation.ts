// Organisations, windows, users and sessions; item definitions and township overlays; counters.
// Times are stored as UTC ISO-8601 text so both SQLite and PostgreSQL sort them alike.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orgs', (t) => {
    t.string('id', 64).primary();
    t.string('code', 64).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('short_name', 40).notNullable();
    t.string('level', 16).notNullable();
    t.string('parent_id', 64).nullable().references('orgs.id');
    t.string('address', 300);
    t.string('phone', 60);
    t.string('review_organ', 200);
    t.string('court', 200);
    t.string('created_at', 32).notNullable();
  });
  await knex.schema.createTable('windows', (t) => {
    t.string('id', 64).primary();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('name', 100).notNullable();
    t.string('kind', 16).notNullable();
    t.string('created_at', 32).notNullable();
    t.unique(['org_id', 'name']);
  });
  await knex.schema.createTable('users', (t) => {
    t.string('id', 64).primary();
    t.string('username', 64).notNullable().unique();
    t.string('name', 100).notNullable();
    t.text('password_hash').notNullable();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.text('roles').notNullable();
    t.string('window_id', 64).nullable().references('windows.id');
    t.boolean('active').notNullable().defaultTo(true);
    t.string('created_at', 32).notNullable();
  });
  await knex.schema.createTable('sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.string('user_id', 64).notNullable().references('users.id');
    t.string('created_at', 32).notNullable();
    t.string('expires_at', 32).notNullable();
  });
  await knex.schema.createTable('item_definitions', (t) => {
    t.string('code', 80).notNullable();
    t.string('version', 40).notNullable();
    t.string('source', 200).notNullable();
    t.string('status', 16).notNullable();
    t.text('definition').notNullable();
    t.string('hash', 64).notNullable();
    t.string('created_by', 64);
    t.string('created_at', 32).notNullable();
    t.string('published_at', 32);
    t.primary(['code', 'version']);
  });
  await knex.schema.createTable('item_overlays', (t) => {
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('item_code', 80).notNullable();
    t.text('overlay').notNullable();
    t.string('updated_by', 64);
    t.string('updated_at', 32).notNullable();
    t.primary(['org_id', 'item_code']);
  });
  await knex.schema.createTable('counters', (t) => {
    t.string('scope', 200).primary();
    t.bigInteger('value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['counters', 'item_overlays', 'item_definitions', 'sessions', 'users', 'windows', 'orgs']) {
    await knex.schema.dropTableIfExists(table);
  }
}
