// The seal registry (印章) and the register of every use (用印登记). Times are UTC ISO-8601 text,
// as in the other migrations, so SQLite and PostgreSQL sort them alike.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('seals', (t) => {
    t.string('id', 64).primary();
    // The owning organisation (orgs.id); not a foreign key so the registry can be tested alone.
    t.string('org_id', 64).notNullable();
    t.string('code', 80).notNullable();
    t.string('name', 200).notNullable();
    t.string('kind', 16).notNullable();
    t.string('purpose', 100);
    // 印章编码 as filed with the public-security organ, printed on approval seals.
    t.string('serial', 40);
    t.string('valid_from', 32).notNullable();
    t.string('valid_to', 32);
    t.string('status', 16).notNullable().defaultTo('active');
    t.string('revoked_at', 32);
    t.string('key_label', 200).notNullable();
    t.string('public_key', 200).notNullable();
    // Only for local test keys. A real deployment keeps the private key inside a certified signing
    // device (UKey / signature server) and stores nothing here.
    t.text('private_key');
    t.string('created_at', 32).notNullable();
    t.unique(['org_id', 'code']);
    t.index(['org_id', 'status']);
  });
  await knex.schema.createTable('seal_uses', (t) => {
    t.string('id', 64).primary();
    t.string('seal_id', 64).notNullable().references('seals.id');
    t.string('document_id', 64).notNullable();
    t.string('document_number', 80).notNullable();
    // SM3 of the sealed PDF and the SM2 signature over it, hex.
    t.string('digest', 64).notNullable();
    t.string('signature', 256).notNullable();
    t.string('used_by', 64).notNullable();
    t.string('used_at', 32).notNullable();
    t.index(['document_number']);
    t.index(['seal_id', 'used_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('seal_uses');
  await knex.schema.dropTableIfExists('seals');
}
