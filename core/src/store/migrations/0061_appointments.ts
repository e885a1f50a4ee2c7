// Appointments (预约): the organisation's queue settings (categories, priority rules, thresholds), the
// booked count of every slot, the appointments and 上门 visits, and the queue's daily figures
// (day × organisation × category × item counters added to by each write, so a period costs its days).
import type { Knex } from 'knex';

// Frozen with the migration; queue/queue-daily.ts lists the counters the code adds to.
const QUEUE_DAILY_COUNTERS = [
  'booked', 'booked_online', 'booked_phone', 'booked_on_site', 'booked_extended', 'visits', 'visits_done', 'cancelled', 'checked_in', 'no_shows',
  'tickets', 'tickets_green', 'tickets_appointment', 'called', 'served', 'served_extended', 'ticket_no_shows', 'transferred',
  'wait_seconds', 'waits', 'waits_over', 'handle_seconds', 'handled',
] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('queue_settings', (t) => {
    t.string('org_id', 64).primary().references('orgs.id');
    t.text('config').notNullable();
    t.string('updated_by', 64);
    t.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('appointment_slots', (t) => {
    t.string('org_id', 64).notNullable();
    t.string('slot_date', 10).notNullable();
    t.string('category', 40).notNullable();
    t.string('item_code', 80).notNullable(); // '' = the category's total
    t.string('slot_start', 5).notNullable();
    t.integer('booked').notNullable();
    t.primary(['org_id', 'slot_date', 'category', 'item_code', 'slot_start']);
  });
  await knex.schema.createTable('appointments', (t) => {
    t.string('id', 64).primary();
    t.string('number', 16).notNullable();
    t.string('org_id', 64).notNullable().references('orgs.id');
    t.string('item_code', 80).notNullable();
    t.string('category', 40).notNullable();
    t.string('channel', 16).notNullable(); // online | phone | on-site | visit
    t.string('slot_date', 10).notNullable();
    t.string('slot_start', 5).notNullable();
    t.string('slot_end', 5).notNullable();
    t.string('slot_kind', 16).notNullable(); // regular | lunch | extended
    t.string('slot_at', 32).notNullable();
    t.string('applicant_name', 100).notNullable();
    t.string('applicant_phone', 40).notNullable();
    t.string('visit_address', 300);
    t.string('visit_need', 20);
    t.string('assignee_id', 64);
    t.string('status', 16).notNullable(); // booked | checked-in | cancelled | no-show | done
    t.string('note', 500);
    t.string('reminder_due_at', 32);
    t.string('reminded_at', 32);
    t.string('checked_in_at', 32);
    t.string('ticket_id', 64);
    t.string('case_id', 64);
    t.string('cancel_reason', 200);
    t.string('created_by', 64);
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.integer('version').notNullable();
    t.unique(['org_id', 'slot_date', 'number']);
    t.index(['org_id', 'slot_date', 'slot_start']);
    t.index(['applicant_phone', 'status', 'slot_date']);
    t.index(['assignee_id', 'slot_date']);
  });
  // The reminder sweeper's worklist: only the unsent reminders.
  await knex.raw('create index appointments_reminder_due on appointments (reminder_due_at) where reminded_at is null and reminder_due_at is not null');
  // Appointments still booked on a day that is over become no-shows.
  await knex.raw("create index appointments_booked_by_day on appointments (slot_date) where status = 'booked'");
  await knex.schema.createTable('queue_daily', (t) => {
    t.string('day', 10).notNullable();
    t.string('org_id', 64).notNullable();
    t.string('category', 40).notNullable();
    t.string('item_code', 80).notNullable();
    for (const c of QUEUE_DAILY_COUNTERS) t.bigInteger(c).notNullable().defaultTo(0);
    t.primary(['org_id', 'day', 'category', 'item_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['queue_daily', 'appointments', 'appointment_slots', 'queue_settings']) await knex.schema.dropTableIfExists(table);
}
