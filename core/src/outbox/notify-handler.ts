// The `notify` outbox effect: fills the milestone template from the case and hands it to the
// dispatcher, which sends it at most once per effect id and channel.
import type { Knex } from 'knex';
import { caseFromRow } from '../cases/case-record.ts';
import { dispatchNotification, type NotificationChannel, type Recipient } from '../notify/index.ts';
import type { ItemRegistry } from '../registry/index.ts';
import type { OrgDirectory } from '../runtime/org-directory.ts';
import { withSql } from '../store/index.ts';
import { dueDateText } from './due-date-text.ts';
import type { OutboxHandler } from './outbox-worker.ts';

export function notifyHandler(db: Knex, channels: NotificationChannel[], registry: ItemRegistry, orgs: OrgDirectory, now: () => Date): OutboxHandler {
  return async (row) => {
    const caseRow = await withSql(db, (sql) => sql.first('select * from cases where id = ?', [row.caseId]));
    if (!caseRow) return;
    const record = caseFromRow(caseRow);
    const item = registry.get(record.itemCode, record.itemVersion)?.definition;
    const org = orgs.get(record.currentOrgId) ?? orgs.get(record.receivingOrgId);
    const context = record.snapshot.context as { note?: string };
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
