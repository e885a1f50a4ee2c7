// Seals for particular items and documents whose seal could not be found.
// - `seals.item_codes`: a JSON array of item codes the seal serves alone (a seal registered for one
//   item, or one a plugin declares for its items); null for a seal of the whole organisation, which
//   serves every item that asks for its kind. A seal for one item so never takes over another's.
// - `documents.seal_refused_at`: when rendering last found no usable seal for the document (the
//   idle renderer passes it over for a while instead of retrying it every tick, ahead of the rest).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('seals', (t) => {
    t.text('item_codes');
  });
  await knex.schema.alterTable('documents', (t) => {
    t.string('seal_refused_at', 32);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('documents', (t) => {
    t.dropColumn('seal_refused_at');
  });
  await knex.schema.alterTable('seals', (t) => {
    t.dropColumn('item_codes');
  });
}
