// Open cases counted per organisation pair and item, kept by triggers as cases are created, move
// (current_org_id) and close, so the queue's total costs a handful of rows however many cases are
// open — 50,000 open of 1,000,000 was 10 ms of index counting per page (bench/RESULTS.md). The key
// leaves out the state, which changes at nearly every step: a count by state still reads the index.
// On PostgreSQL the count is spread over 16 random shards, so concurrent steps do not wait for each
// other's row lock (a shard may go negative; the sum is right).
import type { Knex } from 'knex';

const KEY = ['receiving_org_id', 'current_org_id', 'intake_org_id', 'item_code', 'shard'];
const COLUMNS = KEY.slice(0, 4);
const CHANGED = COLUMNS.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
const SQLITE_CHANGED = COLUMNS.map((c) => `old.${c} is not new.${c}`).join(' or ');

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable('case_open_tallies', (t) => {
    for (const column of COLUMNS) t.string(column, column === 'item_code' ? 80 : 64).notNullable();
    t.integer('shard').notNullable();
    t.bigInteger('n').notNullable();
    t.primary(KEY);
  });
  await knex.raw(
    `insert into case_open_tallies (${KEY.join(', ')}, n) select ${COLUMNS.join(', ')}, 0, count(*) from cases where open = ? group by ${COLUMNS.join(', ')}`,
    [true],
  );
  const add = (row: 'new' | 'old', delta: string, shard: string) =>
    `insert into case_open_tallies (${KEY.join(', ')}, n) values (${COLUMNS.map((c) => `${row}.${c}`).join(', ')}, ${shard}, ${delta})
      on conflict (${KEY.join(', ')}) do update set n = case_open_tallies.n + (${delta});`;
  if (pg) {
    const shard = 'floor(random() * 16)::int';
    await knex.raw(`create function cases_open_tally() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and old.open then ${add('old', '-1', shard)} end if;
        if new.open then ${add('new', '1', shard)} end if;
        return null;
      end $$`);
    await knex.raw('create trigger cases_open_tally_insert after insert on cases for each row when (new.open) execute function cases_open_tally()');
    await knex.raw(`create trigger cases_open_tally_update after update of open, ${COLUMNS.join(', ')} on cases for each row
      when (old.open is distinct from new.open or ((old.open or new.open) and (${CHANGED}))) execute function cases_open_tally()`);
  } else {
    await knex.raw(`create trigger cases_open_tally_insert after insert on cases when new.open = 1 begin ${add('new', '1', '0')} end`);
    await knex.raw(`create trigger cases_open_tally_update_old after update of open, ${COLUMNS.join(', ')} on cases
      when old.open = 1 and (new.open = 0 or ${SQLITE_CHANGED}) begin ${add('old', '-1', '0')} end`);
    await knex.raw(`create trigger cases_open_tally_update_new after update of open, ${COLUMNS.join(', ')} on cases
      when new.open = 1 and (old.open = 0 or ${SQLITE_CHANGED}) begin ${add('new', '1', '0')} end`);
  }
}

export async function down(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  for (const name of ['cases_open_tally_insert', 'cases_open_tally_update', 'cases_open_tally_update_old', 'cases_open_tally_update_new']) {
    await knex.raw(`drop trigger if exists ${name}${pg ? ' on cases' : ''}`);
  }
  if (pg) await knex.raw('drop function if exists cases_open_tally()');
  await knex.schema.dropTableIfExists('case_open_tallies');
}
