// The `notify` outbox effect: fills the milestone template from the case and hands it to the
// dispatcher, which sends it at most once per effect id and channel.
import type { Knex } from 'knex';
import type { Applicant } from '../cases/case-record.ts';
import { dispatchNotification, type NotificationChannel, type Recipient } from '../notify/index.ts';
import type { ItemRegistry } from '../registry/index.ts';
import type { OrgDirectory } from '../runtime/org-directory.ts';
import { readJson, withSql } from '../store/index.ts';
import { dueDateText } from './due-date-text.ts';
import type { OutboxHandler } from './outbox-worker.ts';

export function notifyHandler(db: Knex, channels: NotificationChannel[], registry: ItemRegistry, orgs: OrgDirectory, now: () => Date): OutboxHandler {
  return async (row) => {
    // Only the columns a template uses: the full row would parse form data and settings for nothing.
    const caseRow = await withSql(db, (sql) =>
      sql.first<{ id: string; number: string; item_code: string; item_version: string; current_org_id: string; receiving_org_id: string; applicant: unknown; due_at: string | null; snapshot: unknown }>(
        'select id, number, item_code, item_version, current_org_id, receiving_org_id, applicant, due_at, snapshot from cases where id = ?',
        [row.caseId],
      ),
    );
    if (!caseRow) return;
    const record = {
      id: caseRow.id,
      number: caseRow.number,
      itemCode: caseRow.item_code,
      applicant: readJson<Applicant>(caseRow.applicant),
      dueAt: caseRow.due_at ?? null,
    };
    const item = registry.get(caseRow.item_code, caseRow.item_version)?.definition;
    const org = orgs.get(caseRow.current_org_id) ?? orgs.get(caseRow.receiving_org_id);
    const context = readJson<{ context: { note?: string } }>(caseRow.snapshot).context;
    const to: Recipient =
      row.payload.to === 'staff'
        ? { userId: null }
        : { ...(record.applicant.phone ? { phone: record.applicant.phone } : {}), ...(record.applicant.email ? { email: record.applicant.email } : {}) };
    await dispatchNotification(
      db,
      channels,
      {
        effectId: row.effectId,
        template: String(row.payload.template),
        to,
        caseId: record.id,
        vars: {
          caseNumber: record.number,
          itemName: item?.name ?? record.itemCode,
          applicantName: record.applicant.name,
          dueDate: record.dueAt ? dueDateText(new Date(record.dueAt)) : undefined,
          orgName: org?.name,
          phone: org?.phone ?? undefined,
          note: context.note,
          pickupCode: (row.payload.pickupCode as string | undefined) ?? undefined,
        },
      },
      now(),
    );
  };
}
