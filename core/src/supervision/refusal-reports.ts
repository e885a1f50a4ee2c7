// 否定报备 (seed 003 village item 32; township item 38 窗口无否决权 — "只能说行，不说不行"): every REFUSE or
// DENY a clerk or agent sends is reported to the centre head that day, who agrees or overturns it;
// or, where the organisation's setting is `countersign`, the clerk asks the head first and the
// refusal is taken only once countersigned, with the reason the head signed. Both run through the
// case engine's step hook, inside the refusal's own transaction.
import type { Actor } from '@bianmin/contract';
import type { StepHook } from '../cases/index.ts';
import { loadCase } from '../cases/case-rows.ts';
import { endOfShanghaiDay } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { transact, withSql, type Sql } from '../store/index.ts';
import { maskName } from '../privacy/index.ts';
import { decodeCursor, pageLimit, pageOf, type PageQuery } from './page-cursor.ts';
import { dayOf } from './rollups.ts';
import { scopedPage } from './scoped-page.ts';
import { headsFor } from './staff-directory.ts';
import { postStaffMessage } from './staff-messages.ts';
import { setDeadlines, type DeadlineHandler } from './supervision-deadlines.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';
import { readSettings, type RefusalReview } from './supervision-settings.ts';

export const REFUSAL_EVENTS = { REFUSE: '不予受理', DENY: '不予办理' } as const;
export type RefusalEvent = keyof typeof REFUSAL_EVENTS;

export type RefusalStatus = 'reported' | 'agreed' | 'overturned' | 'requested' | 'countersigned' | 'issued';

export const REFUSAL_STATUS_LABELS: Record<RefusalStatus, string> = {
  reported: '待审核',
  agreed: '同意',
  overturned: '不同意',
  requested: '待会签',
  countersigned: '已会签',
  issued: '已会签并办理',
};

/** Awaiting the head. */
const PENDING: RefusalStatus[] = ['reported', 'requested'];

/** A window's refusal: sent as clerk or agent by someone who is neither approver nor head. */
function windowRefusal(actor: { roles: readonly Actor['roles'][number][] }): boolean {
  const roles = actor.roles as readonly string[];
  return roles.some((r) => r === 'clerk' || r === 'agent') && !roles.some((r) => r === 'approver' || r === 'head');
}

const isRefusal = (type: string): type is RefusalEvent => type in REFUSAL_EVENTS;
const reasonOf = (payload: Record<string, unknown>) => (typeof payload.reason === 'string' ? payload.reason.trim() : '');

interface Row {
  id: string;
  case_id: string;
  org_id: string;
  review_org_id: string;
  event_type: RefusalEvent;
  reason: string;
  mode: RefusalReview;
  status: RefusalStatus;
  staff_id: string;
  staff_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  reviewed_at: string | null;
  event_seq: number | null;
  created_at: string;
  day: string;
}

async function insertReport(
  sql: Sql,
  deps: SupervisionDeps,
  r: { caseId: string; caseNumber: string; orgId: string; type: RefusalEvent; reason: string; mode: RefusalReview; status: RefusalStatus; staff: { id: string; name: string }; seq: number | null; at: Date },
): Promise<string> {
  const { orgId: reviewOrgId, heads } = await headsFor(sql, deps.orgs, r.orgId);
  const id = crypto.randomUUID();
  await sql.run(
    `insert into refusal_reports (id, case_id, org_id, review_org_id, event_type, reason, mode, status, staff_id, staff_name, event_seq, created_at, day)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, r.caseId, r.orgId, reviewOrgId, r.type, r.reason, r.mode, r.status, r.staff.id, r.staff.name, r.seq, r.at.toISOString(), dayOf(r.at)],
  );
  const label = REFUSAL_EVENTS[r.type];
  await postStaffMessage(sql, {
    to: heads.map((h) => h.id),
    title: r.mode === 'countersign' ? `${r.staff.name}申请会签${label}：${r.caseNumber}` : `否定报备：${r.staff.name}对 ${r.caseNumber} 作出${label}`,
    body: `理由：${r.reason}。${r.mode === 'countersign' ? '会签后方可出具文书。' : '请于当日审核，同意或不同意。'}`,
    caseId: r.caseId,
    link: { kind: 'refusal-report', id },
    at: r.at,
  });
  // Reviewed the same day: an unreviewed one reminds the heads at the day's end.
  await setDeadlines(sql, 'refusal-report', id, [{ kind: 'review', dueAt: endOfShanghaiDay(dayOf(r.at)).toISOString() }], r.at);
  return id;
}

/** The engine's hook: reports a window's refusal, or holds it until countersigned. */
export function refusalReviewHook(deps: SupervisionDeps): StepHook {
  return async ({ sql, user, actor, record, type, payload, seq, at }) => {
    if (!isRefusal(type) || !windowRefusal(actor)) return;
    const reason = reasonOf(payload);
    const settings = (await readSettings(sql, deps.orgs, actor.orgId)).effective;
    if (settings.refusalReview === 'countersign') {
      const latest = await sql.first<Row>('select * from refusal_reports where case_id = ? and event_type = ? order by created_at desc limit 1', [record.id, type]);
      if (!latest || latest.status !== 'countersigned') {
        const why = !latest || latest.status === 'issued' ? '请先提交中心负责人会签' : latest.status === 'requested' ? '已提交会签，待中心负责人审核' : `中心负责人不同意：${latest.review_note ?? ''}`;
        throw new AppError('COUNTERSIGNATURE_REQUIRED', `本单位实行否定会签，${REFUSAL_EVENTS[type]}须经中心负责人会签：${why}`);
      }
      if (latest.reason.trim() !== reason) {
        throw new AppError('COUNTERSIGNATURE_REQUIRED', `${REFUSAL_EVENTS[type]}理由须与中心负责人会签的一致：${latest.reason}`, [{ pointer: '/payload/reason', message: '与会签理由不一致' }]);
      }
      await sql.run("update refusal_reports set status = 'issued', event_seq = ? where id = ? and status = 'countersigned'", [seq, latest.id]);
      return;
    }
    await insertReport(sql, deps, {
      caseId: record.id, caseNumber: record.number, orgId: actor.orgId, type, reason, mode: 'report', status: 'reported', staff: { id: user.id, name: user.name }, seq, at,
    });
  };
}

/** Countersignature mode: the clerk asks the head before refusing. */
export async function requestCountersignature(deps: SupervisionDeps, user: StaffUser, body: { caseId: string; eventType: RefusalEvent; reason: string }): Promise<RefusalReportView> {
  if (!windowRefusal(user)) throw new AppError('FORBIDDEN', '会签由窗口工作人员（综合窗口、代办员）提出');
  const id = await transact(deps.db, async (sql) => {
    const record = await loadCase(sql, body.caseId, false);
    if (!record || (!deps.orgs.scope(user.orgId).has(record.receivingOrgId) && !deps.orgs.scope(user.orgId).has(record.currentOrgId))) throw new AppError('CASE_NOT_FOUND');
    if (!record.open) throw new AppError('EVENT_NOT_ALLOWED', '办件已办结');
    const settings = (await readSettings(sql, deps.orgs, user.orgId)).effective;
    if (settings.refusalReview !== 'countersign') throw new AppError('EVENT_NOT_ALLOWED', '本单位实行事后报备：直接办理，系统自动报中心负责人审核');
    const open = await sql.first<Row>(`select * from refusal_reports where case_id = ? and event_type = ? and status in ('requested', 'countersigned')`, [record.id, body.eventType]);
    if (open) throw new AppError('DUPLICATE', `该办件已有${REFUSAL_STATUS_LABELS[open.status]}的会签申请`);
    return insertReport(sql, deps, {
      caseId: record.id, caseNumber: record.number, orgId: user.orgId, type: body.eventType, reason: body.reason.trim(), mode: 'countersign', status: 'requested',
      staff: { id: user.id, name: user.name }, seq: null, at: deps.now(),
    });
  });
  return getRefusalReport(deps, user, id);
}

/** The head agrees or overturns a report, or countersigns or declines a request. */
export async function reviewRefusal(deps: SupervisionDeps, user: StaffUser, id: string, body: { agreed: boolean; note?: string }): Promise<RefusalReportView> {
  await transact(deps.db, async (sql) => {
    const r = await sql.first<Row>(sql.dialect === 'pg' ? 'select * from refusal_reports where id = ? for update' : 'select * from refusal_reports where id = ?', [id]);
    if (!r || !deps.orgs.scope(user.orgId).has(r.org_id)) throw new AppError('REFUSAL_REPORT_NOT_FOUND');
    if (!user.roles.includes('head') || !deps.orgs.chain(r.org_id).some((o) => o.id === user.orgId)) throw new AppError('FORBIDDEN', '否定报备由中心负责人审核');
    if (!PENDING.includes(r.status)) throw new AppError('REFUSAL_ALREADY_REVIEWED', `该否定报备已审核：${REFUSAL_STATUS_LABELS[r.status]}`);
    const note = body.note?.trim() ?? '';
    if (!body.agreed && !note) throw new AppError('VALIDATION_FAILED', '不同意时请写明意见', [{ pointer: '/note', message: '请填写不同意的理由和处理意见' }]);
    const status: RefusalStatus = body.agreed ? (r.mode === 'countersign' ? 'countersigned' : 'agreed') : 'overturned';
    const now = deps.now();
    await sql.run('update refusal_reports set status = ?, reviewer_id = ?, reviewer_name = ?, review_note = ?, reviewed_at = ? where id = ?', [status, user.id, user.name, note || null, now.toISOString(), id]);
    await setDeadlines(sql, 'refusal-report', id, [], now);
    const c = await sql.first<{ number: string }>('select number from cases where id = ?', [r.case_id]);
    const label = REFUSAL_EVENTS[r.event_type];
    await postStaffMessage(sql, {
      to: [r.staff_id],
      title: `${c?.number ?? ''} 的${label}${r.mode === 'countersign' ? '会签' : '报备'}：${REFUSAL_STATUS_LABELS[status]}`,
      body: body.agreed
        ? r.mode === 'countersign' ? `中心负责人已会签，可按会签理由作出${label}。` : '中心负责人同意。'
        : `中心负责人不同意：${note}。${r.mode === 'countersign' ? '请继续办理。' : '请联系申请人，重新受理办理。'}`,
      caseId: r.case_id,
      link: { kind: 'refusal-report', id },
      at: now,
    });
  });
  return getRefusalReport(deps, user, id);
}

/** Reminds the heads of a report still unreviewed at the end of its day. */
export function refusalReportDeadlines(deps: SupervisionDeps): DeadlineHandler {
  return async (sql, id, _kind, now) => {
    const r = await sql.first<Row>('select * from refusal_reports where id = ?', [id]);
    if (!r || !PENDING.includes(r.status)) return;
    const { heads } = await headsFor(sql, deps.orgs, r.org_id);
    await postStaffMessage(sql, { to: heads.map((h) => h.id), title: `否定报备待审核：${r.staff_name}的${REFUSAL_EVENTS[r.event_type]}`, body: '当日报备尚未审核，请及时处理。', caseId: r.case_id, link: { kind: 'refusal-report', id }, at: now });
  };
}

export interface RefusalReportView {
  id: string;
  case: { id: string; number: string; itemName: string; applicantName: string | null };
  eventType: RefusalEvent;
  eventLabel: string;
  reason: string;
  mode: RefusalReview;
  status: RefusalStatus;
  statusLabel: string;
  org: { id: string; name: string };
  staff: { id: string; name: string };
  reviewer: { id: string; name: string } | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  createdAt: string;
  /** Whether this user may review it now. */
  canReview: boolean;
}

function viewOf(deps: SupervisionDeps, user: StaffUser, r: Row & { case_number: string; item_code: string; applicant_name: string | null }): RefusalReportView {
  return {
    id: r.id,
    case: { id: r.case_id, number: r.case_number, itemName: deps.itemName(r.item_code), applicantName: maskName(r.applicant_name) },
    eventType: r.event_type,
    eventLabel: REFUSAL_EVENTS[r.event_type],
    reason: r.reason,
    mode: r.mode,
    status: r.status,
    statusLabel: REFUSAL_STATUS_LABELS[r.status],
    org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id },
    staff: { id: r.staff_id, name: r.staff_name },
    reviewer: r.reviewer_id ? { id: r.reviewer_id, name: r.reviewer_name ?? '' } : null,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at,
    createdAt: r.created_at,
    canReview: PENDING.includes(r.status) && user.roles.includes('head') && deps.orgs.chain(r.org_id).some((o) => o.id === user.orgId),
  };
}

const JOINED = 'select r.*, c.number as case_number, c.item_code, c.applicant_name from refusal_reports r join cases c on c.id = r.case_id';

export async function getRefusalReport(deps: SupervisionDeps, user: StaffUser, id: string): Promise<RefusalReportView> {
  const r = await withSql(deps.db, (sql) => sql.first<Row & { case_number: string; item_code: string; applicant_name: string | null }>(`${JOINED} where r.id = ?`, [id]));
  if (!r || !deps.orgs.scope(user.orgId).has(r.org_id)) throw new AppError('REFUSAL_REPORT_NOT_FOUND');
  return viewOf(deps, user, r);
}

export interface RefusalQuery extends PageQuery {
  status?: RefusalStatus | 'pending';
  orgId?: string;
  caseId?: string;
}

/** A page of reports in the user's scope, newest first. */
export async function listRefusalReports(deps: SupervisionDeps, user: StaffUser, query: RefusalQuery): Promise<{ items: RefusalReportView[]; nextCursor: string | null }> {
  const scope = deps.orgs.scope(user.orgId);
  if (query.orgId && !scope.has(query.orgId)) throw new AppError('ORG_NOT_FOUND');
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, 2);
  const rows = await scopedPage<Row & { case_number: string; item_code: string; applicant_name: string | null }>(
    deps.db,
    query.orgId ? [...deps.orgs.scope(query.orgId)] : [...scope],
    (orgIds) =>
      deps.db('refusal_reports as r')
        .join('cases as c', 'c.id', 'r.case_id')
        .select('r.*', 'c.number as case_number', 'c.item_code', 'c.applicant_name')
        .whereIn('r.org_id', orgIds as string[])
        .modify((b) => {
          if (query.status === 'pending') b.whereIn('r.status', PENDING);
          else if (query.status) b.where('r.status', query.status);
          if (query.caseId) b.where('r.case_id', query.caseId);
          if (after) b.where((w) => w.where('r.created_at', '<', after[0]!).orWhere((x) => x.where('r.created_at', after[0]!).andWhere('r.id', '<', after[1]!)));
        }),
    [{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }],
    limit + 1,
  );
  const page = pageOf(rows, limit, (r) => [r.created_at, r.id]);
  return { items: page.items.map((r) => viewOf(deps, user, r)), nextCursor: page.nextCursor };
}

/** Reports awaiting review in a scope (the centre head's page). */
export async function countPendingRefusals(deps: SupervisionDeps, orgIds: readonly string[]): Promise<number> {
  const row = await deps.db('refusal_reports').whereIn('org_id', orgIds as string[]).whereIn('status', PENDING).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
