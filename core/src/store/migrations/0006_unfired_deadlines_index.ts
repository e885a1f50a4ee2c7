// The sweeper asks for unfired deadlines that are due (`fired_at is null and due_at <= now order by
// due_at`). On the `(fired_at, due_at)` index PostgreSQL's planner judged the two conditions
// independent — half the rows unfired, half the due times past — and chose a scan of the whole table:
// 62 ms per idle sweep with 190,000 deadlines (bench/sweep.ts). A partial index of the unfired ones
// by due time holds only what the sweeper can still fire and gives the order for its LIMIT.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('deadlines', (t) => t.dropIndex(['fired_at', 'due_at']));
  await knex.raw('create index deadlines_unfired_due_at_index on deadlines (due_at) where fired_at is null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index deadlines_unfired_due_at_index');
  await knex.schema.alterTable('deadlines', (t) => t.index(['fired_at', 'due_at']));
}
