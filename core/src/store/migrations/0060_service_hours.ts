// Service hours per organisation (weekly, seasonal, lunch, extended, weekend, exceptions) as one
// JSON document each; the working-day calendar stays the source of holidays.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_hours', (t) => {
    t.string('org_id', 64).primary().references('orgs.id');
    t.text('config').notNullable();
    t.string('updated_by', 64);
    t.string('updated_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('service_hours');
}
