// The `notify` outbox effect: the milestone template filled from the message the step wrote with
// the row (or, for rows without one, from the case), handed to the dispatcher, which sends it at
// most once per effect id and channel.
import type { Knex } from 'knex';
import type { OutboxHandler, OutboxRow } from '../outbox/index.ts';
import { dispatchNotification } from './dispatcher.ts';
import type { NotificationChannel } from './channel.ts';
import type { ItemRegistry } from '../registry/index.ts';
import type { OrgDirectory } from '../org/index.ts';
import { readJson, withSql } from '../store/index.ts';
import { carriedMessage, notifyMessage, type NotifyApplicant, type NotifyMessage } from './notify-message.ts';

/**
 * `publicBaseUrl`: an applicant's message carries the link to evaluate the case (好差评 by SMS link:
 * the portal's progress page with the number filled in, which asks for the phone's last four digits).
 */
export function notifyHandler(db: Knex, channels: NotificationChannel[], registry: ItemRegistry, orgs: OrgDirectory, now: () => Date, publicBaseUrl?: string): OutboxHandler {
  async function fromCase(row: OutboxRow): Promise<NotifyMessage | undefined> {
    // Only the columns a template uses: the full row would parse form data and settings for nothing.
    const caseRow = await withSql(db, (sql) =>
      sql.first<{ number: string; item_code: string; item_version: string; current_org_id: string; receiving_org_id: string; applicant: unknown; due_at: string | null; snapshot: unknown }>(
        'select number, item_code, item_version, current_org_id, receiving_org_id, applicant, due_at, snapshot from cases where id = ?',
        [row.caseId],
      ),
    );
    if (!caseRow) return undefined;
    return notifyMessage({
      audience: row.payload.to,
      caseNumber: caseRow.number,
      itemName: registry.get(caseRow.item_code, caseRow.item_version)?.definition.name ?? caseRow.item_code,
      applicant: readJson<NotifyApplicant>(caseRow.applicant),
      dueAt: caseRow.due_at ?? null,
      org: orgs.get(caseRow.current_org_id) ?? orgs.get(caseRow.receiving_org_id),
      note: readJson<{ context: { note?: string } }>(caseRow.snapshot).context.note,
      pickupCode: (row.payload.pickupCode as string | undefined) ?? undefined,
    });
  }

  return async (row) => {
    const message = carriedMessage(row.payload) ?? (await fromCase(row));
    if (!message) return;
    const toApplicant = message.to.userId === undefined;
    const vars = toApplicant && publicBaseUrl && message.vars.caseNumber
      ? { ...message.vars, evaluateUrl: `${publicBaseUrl}/public/progress?number=${encodeURIComponent(String(message.vars.caseNumber))}&channel=sms` }
      : message.vars;
    await dispatchNotification(db, channels, { effectId: row.effectId, template: String(row.payload.template), to: message.to, caseId: row.caseId, vars }, now());
  };
}
