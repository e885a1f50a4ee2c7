// The queue's relayed branch (case-list.ts: open cases taken in at a village for an organisation
// above it, 代收件) read `cases_intake_queue` — every case taken in at the organisation, the village's
// own included — and dropped those received there: with 1,000,000 cases that was every open case of
// the organisation read from the table on each page. A partial index holds only the cases taken in
// somewhere other than where they were received, so the branch costs its few rows.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index cases_relayed_queue on cases (intake_org_id, queue_key) where intake_org_id <> receiving_org_id');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index cases_relayed_queue');
}
