// The 延时服务 ledger: a ticket served in the bookable extended hours is marked when it finishes, and
// found by day through an index of those tickets alone.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('queue_tickets', (t) => {
    t.boolean('served_extended').notNullable().defaultTo(false);
  });
  await knex.raw('create index queue_tickets_extended on queue_tickets (org_id, day, number) where served_extended');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists queue_tickets_extended');
  await knex.schema.alterTable('queue_tickets', (t) => {
    t.dropColumn('served_extended');
  });
}
