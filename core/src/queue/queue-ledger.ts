// The 延时/预约/上门 ledger (seed 003 task 9 无休日预约、错时、延时、上门; seed 000 规范 7): one row per
// appointment, per 上门 visit, or per ticket served in the extended hours, for a period, in date
// order, a keyset page at a time over the day indexes. Names stay, phones are masked.
import { AppError } from '../errors/index.ts';
import { maskPhone } from '../privacy/index.ts';
import { placeholders, withSql } from '../store/index.ts';
import { APPOINTMENT_CHANNELS, APPOINTMENT_STATUSES, VISIT_NEEDS, type AppointmentRow } from './appointments.ts';
import type { QueueDeps, QueueUser } from './queue-deps.ts';
import { shanghaiTime, TICKET_STATUSES, type TicketRow } from './tickets.ts';

export type LedgerKind = 'appointment' | 'visit' | 'extended';
export const LEDGER_KINDS: Record<LedgerKind, string> = { appointment: '预约服务', visit: '上门服务', extended: '延时服务' };

export interface LedgerRow {
  date: string;
  kind: LedgerKind;
  kindLabel: string;
  org: string;
  number: string;
  item: string;
  applicant: string | null;
  phone: string | null;
  channel: string;
  time: string;
  status: string;
  staff: string | null;
  detail: string | null;
  caseId: string | null;
}

export async function queueLedger(
  deps: QueueDeps,
  user: QueueUser,
  q: { orgId?: string; from: string; to: string; kind: LedgerKind; cursor?: string; limit?: number },
): Promise<{ items: LedgerRow[]; nextCursor: string | null }> {
  const root = q.orgId ?? user.orgId;
  if (!deps.orgs.get(root) || !deps.orgs.scope(user.orgId).has(root)) throw new AppError('ORG_NOT_FOUND');
  const orgIds = [...deps.orgs.scope(root)];
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  let after: [string, string] | null = null;
  if (q.cursor) {
    try {
      const v = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as unknown;
      if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'string')) throw new Error('bad');
      after = v as [string, string];
    } catch {
      throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ pointer: '/cursor', message: '无效的游标' }]);
    }
  }
  const orgName = (id: string) => deps.orgs.get(id)?.name ?? id;
  const rows = await withSql(deps.db, async (sql) => {
    if (q.kind === 'extended') {
      const found = await sql.all<TicketRow & { staff_name: string | null; window_name: string | null }>(
        `select t.*, u.name as staff_name, w.name as window_name from queue_tickets t left join users u on u.id = t.served_by left join windows w on w.id = t.window_id
         where t.served_extended and t.org_id in ${placeholders(orgIds.length)} and t.day >= ? and t.day <= ?${after ? ' and (t.day > ? or (t.day = ? and t.number > ?))' : ''}
         order by t.day, t.number limit ?`,
        [...orgIds, q.from, q.to, ...(after ? [after[0], after[0], after[1]] : []), limit + 1],
      );
      return found.map((t): LedgerRow & { key: [string, string] } => ({
        key: [t.day, t.number], date: t.day, kind: 'extended', kindLabel: LEDGER_KINDS.extended, org: orgName(t.org_id), number: t.number,
        item: t.item_code ? (deps.itemName(t.item_code) ?? t.item_code) : '', applicant: null, phone: null, channel: t.channel === 'kiosk' ? '自助取号' : '导办取号',
        time: `${shanghaiClock(t.started_at)}-${shanghaiClock(t.finished_at)}`, status: TICKET_STATUSES[t.status], staff: t.staff_name, detail: t.window_name, caseId: t.case_id,
      }));
    }
    const visit = q.kind === 'visit';
    const found = await sql.all<AppointmentRow & { staff_name: string | null }>(
      `select a.*, u.name as staff_name from appointments a left join users u on u.id = ${visit ? 'a.assignee_id' : 'a.created_by'}
       where a.org_id in ${placeholders(orgIds.length)} and a.slot_date >= ? and a.slot_date <= ? and a.channel ${visit ? '=' : '<>'} 'visit'
       ${after ? ' and (a.slot_date > ? or (a.slot_date = ? and a.number > ?))' : ''} order by a.slot_date, a.number limit ?`,
      [...orgIds, q.from, q.to, ...(after ? [after[0], after[0], after[1]] : []), limit + 1],
    );
    return found.map((a): LedgerRow & { key: [string, string] } => ({
      key: [a.slot_date, a.number], date: a.slot_date, kind: visit ? 'visit' : 'appointment', kindLabel: LEDGER_KINDS[visit ? 'visit' : 'appointment'], org: orgName(a.org_id),
      number: a.number, item: deps.itemName(a.item_code) ?? a.item_code, applicant: a.applicant_name, phone: maskPhone(a.applicant_phone), channel: APPOINTMENT_CHANNELS[a.channel],
      time: a.slot_end !== a.slot_start ? `${a.slot_start}-${a.slot_end}` : a.slot_start, status: APPOINTMENT_STATUSES[a.status], staff: a.staff_name,
      detail: visit ? `${VISIT_NEEDS[a.visit_need ?? 'other']}，${a.visit_address ?? ''}` : a.slot_kind === 'extended' ? '弹性时段' : a.slot_kind === 'lunch' ? '午间' : null, caseId: a.case_id,
    }));
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(({ key: _key, ...row }) => row), nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify(last.key)).toString('base64url') : null };
}

function shanghaiClock(iso: string | null): string {
  return iso ? shanghaiTime(new Date(iso)) : '';
}
