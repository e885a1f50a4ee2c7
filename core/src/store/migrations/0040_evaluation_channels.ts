// 好差评 from every channel (portal, SMS link, window QR, window tablet, paper 评议卡): an evaluation
// remembers where it came from, whom it judges (organisation, window, staff who served, item) and
// whether the evaluator gave their name; the day (Asia/Shanghai) keys the statistics' rollups.
import type { Knex } from 'knex';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('evaluations', (t) => {
    t.string('org_id', 64).nullable();
    t.string('window_id', 64).nullable();
    t.string('staff_id', 64).nullable();
    t.string('item_code', 80).nullable();
    t.text('reasons').nullable();
    t.text('dimensions').nullable();
    t.boolean('real_name').notNullable().defaultTo(false);
    t.string('recorded_by', 64).nullable();
    t.string('card_number', 40).nullable();
    t.string('day', 10).nullable();
  });
  // Evaluations stored before: the portal's, judged against the case's receiving organisation.
  const old: { case_id: string; created_at: string; receiving_org_id: string; item_code: string; created_by: string | null }[] = await knex('evaluations')
    .join('cases', 'cases.id', 'evaluations.case_id')
    .select('evaluations.case_id', 'evaluations.created_at', 'cases.receiving_org_id', 'cases.item_code', 'cases.created_by');
  for (const row of old) {
    const day = new Date(Date.parse(row.created_at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
    await knex('evaluations')
      .where({ case_id: row.case_id })
      .update({ org_id: row.receiving_org_id, item_code: row.item_code, staff_id: row.created_by, day, channel: 'portal', reasons: '[]' });
  }
  await knex.schema.alterTable('evaluations', (t) => {
    t.index(['org_id', 'created_at']);
    // The bad ones of an organisation, newest first: what a centre head reads.
    t.index(['org_id', 'level', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('evaluations', (t) => {
    t.dropIndex(['org_id', 'created_at']);
    t.dropIndex(['org_id', 'level', 'created_at']);
    for (const c of ['org_id', 'window_id', 'staff_id', 'item_code', 'reasons', 'dimensions', 'real_name', 'recorded_by', 'card_number', 'day']) t.dropColumn(c);
  });
}
