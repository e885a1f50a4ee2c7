// What the queue, the work list and the search read at the cost of a page (cases/queue-columns.ts
// writes them with every step):
// - `queue_key`: the queue's order in one sortable text (open first, the most urgent first; then
//   closed, the latest first; the case id last), so a page is a keyset range of an index and the
//   overdue filter is a range of the same index. On PostgreSQL it sorts by byte ("C"), as in code.
// - `queue_due_at`: the instant the queue orders an open case by (the promised due date, or an
//   immediate item's target); `due_provisional`: that due date counts over a provisional calendar.
// - `state_group` (the top-level state), `waiting_roles` (the roles that can act on the case now at
//   the organisation holding it, comma-separated: the work list), `applicant_id_hash` (keyed hash of
//   the ID number: exact search), `intake_org_id` / `intake_user_id` (where and by whom the case was
//   taken in — a village agent's intake of a township item: 代收件).
// - `case_closed_tallies`: closed cases counted per organisation pair, item and final state, kept by
//   triggers as cases close, so the queue's total costs a handful of rows however long the history.
//   Open cases are counted from the queue indexes (index-only). On PostgreSQL the count is spread
//   over 16 random shards, so concurrent closings do not wait for each other's row lock.
// Rows written before this migration get `state_group` and `intake_org_id` here and their other
// columns from the runtime's backfill (cases/backfill-queue-columns.ts), which needs the item
// definitions and the instance secret.
import type { Knex } from 'knex';

const TALLY_KEY = ['receiving_org_id', 'current_org_id', 'intake_org_id', 'item_code', 'state_group', 'shard'];
const TALLY_COLUMNS = TALLY_KEY.slice(0, 5);

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('cases', (t) => {
    t.string('state_group', 60);
    t.string('queue_due_at', 32);
    t.boolean('due_provisional').notNullable().defaultTo(false);
    t.string('waiting_roles', 80);
    t.string('applicant_id_hash', 64);
    t.string('intake_org_id', 64).references('orgs.id');
    t.string('intake_user_id', 64);
  });
  if (pg) await knex.raw('alter table cases add column queue_key varchar(120) collate "C"');
  else await knex.schema.alterTable('cases', (t) => t.string('queue_key', 120));

  const topState = pg ? "split_part(state, '.', 1)" : "case when instr(state, '.') > 0 then substr(state, 1, instr(state, '.') - 1) else state end";
  await knex.raw(`update cases set state_group = ${topState}, intake_org_id = receiving_org_id, intake_user_id = created_by`);

  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['current_org_id', 'open', 'due_at']);
    t.dropIndex(['receiving_org_id', 'open']);
    t.index(['queue_key'], 'cases_queue');
    t.index(['receiving_org_id', 'queue_key'], 'cases_receiving_queue');
    t.index(['current_org_id', 'queue_key'], 'cases_current_queue');
    t.index(['intake_org_id', 'queue_key'], 'cases_intake_queue');
    t.index(['receiving_org_id', 'item_code', 'queue_key'], 'cases_receiving_item_queue');
    t.index(['receiving_org_id', 'state_group', 'queue_key'], 'cases_receiving_state_queue');
    t.index(['current_org_id', 'waiting_roles', 'queue_key'], 'cases_waiting_queue');
    t.index(['applicant_id_hash'], 'cases_applicant_id_hash');
    t.index(['applicant_phone'], 'cases_applicant_phone');
    t.index(['applicant_name'], 'cases_applicant_name');
  });

  await knex.schema.createTable('case_closed_tallies', (t) => {
    for (const column of TALLY_COLUMNS) t.string(column, column === 'item_code' ? 80 : 64).notNullable();
    t.integer('shard').notNullable();
    t.bigInteger('n').notNullable();
    t.primary(TALLY_KEY);
  });
  await knex.raw(
    `insert into case_closed_tallies (${TALLY_KEY.join(', ')}, n) select ${TALLY_COLUMNS.join(', ')}, 0, count(*) from cases where open = ? group by ${TALLY_COLUMNS.join(', ')}`,
    [false],
  );
  const values = `new.receiving_org_id, new.current_org_id, new.intake_org_id, new.item_code, new.state_group`;
  if (pg) {
    await knex.raw(`create function cases_closed_tally() returns trigger language plpgsql as $$
      begin
        insert into case_closed_tallies (${TALLY_KEY.join(', ')}, n) values (${values}, floor(random() * 16)::int, 1)
        on conflict (${TALLY_KEY.join(', ')}) do update set n = case_closed_tallies.n + 1;
        return null;
      end $$`);
    await knex.raw('create trigger cases_closed_tally_insert after insert on cases for each row when (not new.open) execute function cases_closed_tally()');
    await knex.raw('create trigger cases_closed_tally_update after update of open on cases for each row when (old.open and not new.open) execute function cases_closed_tally()');
  } else {
    const body = `insert into case_closed_tallies (${TALLY_KEY.join(', ')}, n) values (${values}, 0, 1)
      on conflict (${TALLY_KEY.join(', ')}) do update set n = n + 1;`;
    await knex.raw(`create trigger cases_closed_tally_insert after insert on cases when new.open = 0 begin ${body} end`);
    await knex.raw(`create trigger cases_closed_tally_update after update of open on cases when old.open = 1 and new.open = 0 begin ${body} end`);
  }
}

export async function down(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.raw('drop trigger if exists cases_closed_tally_insert' + (pg ? ' on cases' : ''));
  await knex.raw('drop trigger if exists cases_closed_tally_update' + (pg ? ' on cases' : ''));
  if (pg) await knex.raw('drop function if exists cases_closed_tally()');
  await knex.schema.dropTableIfExists('case_closed_tallies');
  await knex.schema.alterTable('cases', (t) => {
    for (const name of ['cases_queue', 'cases_receiving_queue', 'cases_current_queue', 'cases_intake_queue', 'cases_receiving_item_queue', 'cases_receiving_state_queue', 'cases_waiting_queue', 'cases_applicant_id_hash', 'cases_applicant_phone', 'cases_applicant_name']) {
      t.dropIndex([], name);
    }
    t.index(['current_org_id', 'open', 'due_at']);
    t.index(['receiving_org_id', 'open']);
  });
  await knex.schema.alterTable('cases', (t) => {
    t.dropForeign(['intake_org_id']);
    t.dropColumns('queue_key', 'state_group', 'queue_due_at', 'due_provisional', 'waiting_roles', 'applicant_id_hash', 'intake_org_id', 'intake_user_id');
  });
}
