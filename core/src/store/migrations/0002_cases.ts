// Cases and their event history, the outbox of effects, issued documents, database-held deadlines
// and 好差评 evaluations.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cases', (t) => {
    t.string('id', 64).primary();
    t.string('number', 64).notNullable().unique();
    t.string('item_code', 80).notNullable();
    t.string('item_version', 40).notNullable();
    t.string('receiving_org_id', 64).notNullable().references('orgs.id');
    t.string('current_org_id', 64).notNullable().references('orgs.id');
    t.string('state', 120).notNullable();
    t.boolean('open').notNullable();
    t.text('snapshot').notNullable();
    t.text('data').notNullable();
    t.text('materials').notNullable();
    t.text('applicant').notNullable();
    t.string('applicant_name', 100);
    t.string('applicant_phone', 40);
    t.string('channel', 16).notNullable();
    t.integer('version').notNullable();
    t.string('created_by', 64);
    t.string('received_at', 32).notNullable();
    t.string('accepted_at', 32);
    t.string('due_at', 32);
    t.text('clock').notNullable();
    // The township overlay in force when the case was received (promised days, seals, delivery modes, fee).
    t.text('settings').notNullable();
    t.string('closed_at', 32);
    t.string('parent_case_id', 64).nullable().references('cases.id');
    t.string('updated_at', 32).notNullable();
    t.index(['current_org_id', 'open', 'due_at']);
    t.index(['receiving_org_id', 'open']);
    t.index(['item_code']);
    t.index(['parent_case_id']);
  });
  await knex.schema.createTable('case_events', (t) => {
    t.bigIncrements('id');
    t.string('case_id', 64).notNullable().references('cases.id');
    t.integer('seq').notNullable();
    t.string('type', 64).notNullable();
    t.text('payload').notNullable();
    t.string('actor_id', 64);
    t.string('actor_org_id', 64);
    // The actor as the machine saw it (roles, organisation, level), so history replays exactly.
    t.text('actor');
    t.string('from_state', 120);
    t.string('to_state', 120).notNullable();
    t.string('at', 32).notNullable();
    t.unique(['case_id', 'seq']);
  });
  await knex.schema.createTable('outbox', (t) => {
    t.bigIncrements('id');
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('effect_id', 120).notNullable().unique();
    t.string('kind', 32).notNullable();
    t.text('payload').notNullable();
    t.string('status', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', 32).notNullable();
    t.string('claimed_by', 64);
    t.string('claimed_until', 32);
    t.text('last_error');
    t.string('created_at', 32).notNullable();
    t.string('done_at', 32);
    t.index(['status', 'next_attempt_at']);
  });
  await knex.schema.createTable('documents', (t) => {
    t.string('id', 64).primary();
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('kind', 32).notNullable();
    t.string('number', 80).notNullable().unique();
    t.string('issuer_org_id', 64).notNullable().references('orgs.id');
    t.integer('year').notNullable();
    t.integer('seq').notNullable();
    t.string('title', 200).notNullable();
    // Order of issue within the case (several documents may share one event and one timestamp).
    t.integer('ordinal').notNullable();
    t.text('content').notNullable();
    t.text('html');
    t.binary('pdf');
    t.string('seal_id', 64);
    t.string('digest', 128);
    t.text('signature');
    t.string('sealed_at', 32);
    t.string('created_at', 32).notNullable();
    t.unique(['issuer_org_id', 'kind', 'year', 'seq']);
    t.index(['case_id']);
  });
  await knex.schema.createTable('deadlines', (t) => {
    t.bigIncrements('id');
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('kind', 32).notNullable();
    t.string('due_at', 32).notNullable();
    t.string('event_type', 64);
    t.string('fired_at', 32);
    t.string('fired_by', 64);
    t.string('created_at', 32).notNullable();
    t.unique(['case_id', 'kind']);
    t.index(['fired_at', 'due_at']);
  });
  await knex.schema.createTable('evaluations', (t) => {
    t.string('case_id', 64).primary().references('cases.id');
    t.integer('level').notNullable();
    t.text('comment');
    t.string('channel', 16).notNullable();
    t.string('created_at', 32).notNullable();
    t.string('rectification_due_at', 32);
    t.string('rectified_at', 32);
    t.text('rectification_note');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['evaluations', 'deadlines', 'documents', 'outbox', 'case_events', 'cases']) {
    await knex.schema.dropTableIfExists(table);
  }
}
