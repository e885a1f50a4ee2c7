// Queue tickets (取号叫号): the tickets of each day, the windows' queue state (open or paused with a
// reason, the ticket at the window) and the log of calls the lobby board announces.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('queue_tickets', (t) => {
    t.string('id', 64).primary();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('day', 10).notNullable();
    t.string('number', 8).notNullable();
    t.string('category', 40).notNullable();
    t.string('item_code', 80);
    t.string('priority_class', 16).notNullable(); // transfer | green | appointment | normal
    t.string('green_reason', 16);
    t.string('appointment_id', 64);
    t.string('status', 16).notNullable(); // waiting | called | serving | done | no-show
    t.string('window_id', 64);
    t.string('target_window_id', 64);
    t.string('transferred_from', 64);
    t.string('channel', 16).notNullable(); // kiosk | staff
    t.string('issued_by', 64);
    t.string('served_by', 64);
    t.string('issued_at', 32).notNullable();
    t.string('called_at', 32);
    t.string('last_called_at', 32);
    t.integer('call_count').notNullable().defaultTo(0);
    t.string('started_at', 32);
    t.string('finished_at', 32);
    t.string('case_id', 64);
    t.integer('wait_seconds');
    t.integer('handle_seconds');
    t.string('warned_at', 32);
    t.integer('version').notNullable();
    t.unique(['org_id', 'day', 'number']);
    t.index(['org_id', 'day', 'status']);
  });
  // "Next" looks only at the waiting tickets of the organisation.
  await knex.raw("create index queue_tickets_waiting on queue_tickets (org_id, issued_at) where status = 'waiting'");
  await knex.schema.createTable('queue_windows', (t) => {
    t.string('window_id', 64).primary().references('windows.id');
    t.string('org_id', 64).notNullable();
    t.string('status', 16).notNullable(); // open | paused
    t.string('reason', 200);
    t.string('since', 32).notNullable();
    t.string('current_ticket_id', 64);
    t.string('updated_by', 64);
    t.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('queue_calls', (t) => {
    t.bigIncrements('id');
    t.string('org_id', 64).notNullable();
    t.string('ticket_id', 64).notNullable();
    t.string('number', 8).notNullable();
    t.string('window_id', 64).notNullable();
    t.string('window_name', 100).notNullable();
    t.boolean('recall').notNullable();
    t.string('at', 32).notNullable();
    t.index(['org_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['queue_calls', 'queue_windows', 'queue_tickets']) await knex.schema.dropTableIfExists(table);
}
