// Scans of a case's materials (纸质扫描上传): the file lives under BIANMIN_DATA, the row keeps its
// hash, type and size, so the database stays small and a file can be checked against its record.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('material_scans', (t) => {
    t.string('id', 64).primary();
    t.string('case_id', 64).notNullable().references('cases.id');
    t.string('material_id', 80).notNullable();
    t.string('file_name', 200).notNullable();
    t.string('content_type', 40).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('uploaded_by', 64).notNullable();
    t.string('uploaded_org_id', 64).notNullable();
    t.string('uploaded_at', 32).notNullable();
    t.index(['case_id', 'material_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('material_scans');
}
