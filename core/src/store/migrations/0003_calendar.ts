import type { Knex } from 'knex';

/**
 * The working-day calendar (core/src/calendar). One row per known year — its presence is what
 * makes a year known — and one row per exception day (holiday or make-up workday).
 * Times are ISO-8601 UTC strings, as in 0002, so they compare alike on SQLite and PostgreSQL.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('calendar_years', (table) => {
    table.integer('year').primary();
    table.text('region').notNullable();
    table.string('updated_at', 32).notNullable();
    table.text('updated_by').notNullable();
  });
  await knex.schema.createTable('calendar_days', (table) => {
    table.text('date').primary(); // 'YYYY-MM-DD', Asia/Shanghai civil date
    table.integer('year').notNullable().references('year').inTable('calendar_years').onDelete('CASCADE');
    table.text('kind').notNullable().checkIn(['holiday', 'workday']);
    table.text('name').nullable();
    table.index(['year']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('calendar_days');
  await knex.schema.dropTableIfExists('calendar_years');
}
