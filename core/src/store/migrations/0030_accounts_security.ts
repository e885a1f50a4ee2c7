// Accounts and sessions hardened (issue 18): when a password was last set and whether it must be
// changed, the previous hashes (none of the last five again), sign-in failures per username for the
// lock-out, a session's last request (idle timeout) and the deployment's security settings.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('password_changed_at', 32).nullable();
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.string('updated_at', 32).nullable();
  });
  await knex.schema.createTable('password_history', (t) => {
    t.increments('id').primary();
    t.string('user_id', 64).notNullable().references('users.id');
    t.text('password_hash').notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['user_id', 'id']);
  });
  // Keyed by the username as typed, known or not: an unknown name is locked out exactly like a real one.
  // The public case lookup counts its failures here too, under `case:` and the number as typed.
  await knex.schema.createTable('sign_in_failures', (t) => {
    t.string('username', 100).primary();
    // The times of the failures within the last window (a sliding window: at most lockoutFailures - 1).
    t.text('recent_failures').notNullable();
    t.string('last_failed_at', 32).notNullable();
    t.string('locked_until', 32).nullable();
  });
  await knex.schema.alterTable('sessions', (t) => {
    t.string('last_seen_at', 32).nullable();
    t.index(['user_id']);
    t.index(['expires_at']);
  });
  await knex.schema.createTable('security_settings', (t) => {
    t.integer('id').primary();
    t.text('settings').notNullable();
    t.string('updated_by', 64).nullable();
    t.string('updated_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('security_settings');
  await knex.schema.alterTable('sessions', (t) => {
    t.dropIndex(['expires_at']);
    t.dropIndex(['user_id']);
    t.dropColumn('last_seen_at');
  });
  await knex.schema.dropTableIfExists('sign_in_failures');
  await knex.schema.dropTableIfExists('password_history');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('updated_at');
    t.dropColumn('must_change_password');
    t.dropColumn('password_changed_at');
  });
}
