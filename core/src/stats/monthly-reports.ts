// Monthly reports (seed 004 附1 四.2① 每月向县(市、区)行政服务中心上报有关报表材料): a draft computed
// from the statistics for a village, a township or the county; submitted village → township →
// county; returned with a note or accepted by the level above. An accepted month is locked: its
// figures stay as accepted, and what changed in it since (a late conclusion, a correction) is listed
// in the next month's draft as corrections with a note. The county's report is its roll-up, accepted
// by the county itself. Each event is one transaction with a version check and its history row.
import { randomUUID } from 'node:crypto';
import { addCalendarDays, shanghaiDateOf, type CalendarDate } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { readJson, writeJson } from '../store/index.ts';
import { caseStats, scopedOrg, type CaseFigures, type CaseStatsRow } from './case-stats.ts';
import { volumeIndicators, type Indicator } from './report-indicators.ts';
import type { StatsDeps } from './stats-deps.ts';

export const REPORT_STATUSES = { draft: '草稿', submitted: '已上报', returned: '已退回', accepted: '已审核' } as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;
export const REPORT_EVENTS = ['SUBMIT', 'RETURN', 'ACCEPT'] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];
const EVENT_LABELS: Record<ReportEvent, string> = { SUBMIT: '上报', RETURN: '退回', ACCEPT: '审核通过' };
const REVIEWER_ROLES = new Set(['supervisor', 'head', 'admin']);

/** The figures a correction compares: what a month's report states. */
const CORRECTED: readonly (keyof CaseFigures)[] = ['received', 'accepted', 'concluded', 'refused', 'referred', 'withdrawn', 'onTime', 'immediateWithinTarget', 'agent'];

export interface Correction {
  month: string;
  field: keyof CaseFigures;
  reported: number | null;
  now: number | null;
}

export interface ReportFigures {
  from: string;
  to: string;
  total: CaseFigures;
  /** For a township or the county: one row per organisation below (rolled up), and its own counter. */
  rows: CaseStatsRow[];
  indicators: Indicator[];
  corrections: Correction[];
  correctionNote: string | null;
}

export interface ReportUser {
  id: string;
  name: string;
  orgId: string;
  roles: readonly string[];
}

interface ReportRow {
  id: string;
  org_id: string;
  month: string;
  status: ReportStatus;
  figures: string;
  computed_at: string;
  return_note: string | null;
  version: number;
  created_by: string;
  created_at: string;
  submitted_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
}

export interface ReportView {
  id: string;
  org: { id: string; name: string; level: string };
  /** Who reviews it: the organisation above (the county reviews its own roll-up). */
  reviewer: { id: string; name: string };
  month: string;
  status: ReportStatus;
  statusLabel: string;
  locked: boolean;
  version: number;
  computedAt: string;
  returnNote: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  figures: ReportFigures;
  actions: ReportEvent[];
  history: { type: string; label: string; from: string | null; to: string; note: string | null; actor: string | null; at: string }[];
}

/** `2025-02` → `2025-02-28`: day 0 of the next month. */
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const previousMonth = (month: string) => addCalendarDays(`${month}-01` as CalendarDate, -1).slice(0, 7);

function reviewerOf(deps: StatsDeps, orgId: string) {
  const org = deps.orgs.get(orgId)!;
  return org.parentId ? deps.orgs.get(org.parentId)! : org;
}

/** The events this user may send now. */
function actionsFor(deps: StatsDeps, user: ReportUser, r: Pick<ReportRow, 'org_id' | 'status'>): ReportEvent[] {
  const reviewer = reviewerOf(deps, r.org_id);
  const reviews = user.orgId === reviewer.id && user.roles.some((role) => REVIEWER_ROLES.has(role));
  const own = user.orgId === r.org_id;
  const top = reviewer.id === r.org_id;
  const out: ReportEvent[] = [];
  if ((r.status === 'draft' || r.status === 'returned') && own && !top) out.push('SUBMIT');
  if (r.status === 'submitted' && reviews) out.push('RETURN', 'ACCEPT');
  if (top && (r.status === 'draft' || r.status === 'returned') && reviews) out.push('ACCEPT');
  return out;
}

async function compute(deps: StatsDeps, user: ReportUser, orgId: string, month: string): Promise<ReportFigures> {
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const stats = await caseStats(deps, user, { orgId, from, to, groupBy: 'org' });
  const indicators = await volumeIndicators(deps, orgId, month);
  // What changed in the last accepted month since it was accepted goes into this one.
  const corrections: Correction[] = [];
  const before = previousMonth(month);
  const locked = (await deps.db('monthly_reports').where({ org_id: orgId, month: before, status: 'accepted' }).first()) as ReportRow | undefined;
  if (locked) {
    const reported = readJson<ReportFigures>(locked.figures).total;
    const now = (await caseStats(deps, user, { orgId, from: `${before}-01`, to: lastDayOf(before), groupBy: 'org' })).total;
    for (const field of CORRECTED) if (reported[field] !== now[field]) corrections.push({ month: before, field, reported: reported[field] as number | null, now: now[field] as number | null });
  }
  return {
    from,
    to,
    total: stats.total,
    rows: deps.orgs.get(orgId)!.level === 'village' ? [] : stats.rows,
    indicators,
    corrections,
    correctionNote: corrections.length ? `${before} 月报表已审核锁定，其后变动的数据在本月报表中更正说明。` : null,
  };
}

async function viewOf(deps: StatsDeps, user: ReportUser, r: ReportRow): Promise<ReportView> {
  const org = deps.orgs.get(r.org_id)!;
  const reviewer = reviewerOf(deps, r.org_id);
  const history = (await deps.db('monthly_report_events as e').leftJoin('users as u', 'u.id', 'e.actor_id').where('e.report_id', r.id).orderBy('e.id').select('e.*', 'u.name as actor_name')) as {
    type: string; from_status: string | null; to_status: string; note: string | null; actor_name: string | null; at: string;
  }[];
  return {
    id: r.id,
    org: { id: org.id, name: org.name, level: org.level },
    reviewer: { id: reviewer.id, name: reviewer.name },
    month: r.month,
    status: r.status,
    statusLabel: REPORT_STATUSES[r.status],
    locked: r.status === 'accepted',
    version: r.version,
    computedAt: r.computed_at,
    returnNote: r.return_note,
    submittedAt: r.submitted_at,
    acceptedAt: r.accepted_at,
    figures: readJson<ReportFigures>(r.figures),
    actions: actionsFor(deps, user, r),
    history: history.map((h) => ({
      type: h.type, label: EVENT_LABELS[h.type as ReportEvent] ?? '编制', from: h.from_status, to: h.to_status, note: h.note, actor: h.actor_name, at: h.at,
    })),
  };
}

async function load(deps: StatsDeps, user: ReportUser, id: string): Promise<ReportRow> {
  const r = (await deps.db('monthly_reports').where({ id }).first()) as ReportRow | undefined;
  if (!r || !deps.orgs.scope(user.orgId).has(r.org_id)) throw new AppError('REPORT_NOT_FOUND');
  return r;
}

/** Drafts the month's report, or computes a draft or returned report again; an accepted month is locked. */
export async function draftReport(deps: StatsDeps, user: ReportUser, input: { orgId?: string; month: string }): Promise<{ created: boolean; report: ReportView }> {
  const org = scopedOrg(deps, user.orgId, input.orgId);
  if (org.id !== user.orgId) throw new AppError('FORBIDDEN', '只能编制本单位的月报', [{ pointer: '/orgId', message: '不是本单位' }]);
  const today = shanghaiDateOf(deps.now());
  if (input.month > today.slice(0, 7)) throw new AppError('VALIDATION_FAILED', '不能编制未来月份的报表', [{ pointer: '/month', message: '月份晚于本月' }]);
  const existing = (await deps.db('monthly_reports').where({ org_id: org.id, month: input.month }).first()) as ReportRow | undefined;
  if (existing?.status === 'accepted') throw new AppError('REPORT_LOCKED');
  if (existing?.status === 'submitted') throw new AppError('REPORT_EVENT_NOT_ALLOWED', '月报已上报待审核，退回后方可重新编制');
  const figures = await compute(deps, user, org.id, input.month);
  const at = deps.now().toISOString();
  if (existing) {
    const changed = await deps.db('monthly_reports')
      .where({ id: existing.id, version: existing.version })
      .whereIn('status', ['draft', 'returned'])
      .update({ figures: writeJson(figures), computed_at: at, version: existing.version + 1 });
    if (!changed) throw new AppError('RECORD_CHANGED');
    return { created: false, report: await viewOf(deps, user, { ...existing, figures: writeJson(figures), computed_at: at, version: existing.version + 1 }) };
  }
  const row: ReportRow = {
    id: randomUUID(), org_id: org.id, month: input.month, status: 'draft', figures: writeJson(figures), computed_at: at, return_note: null, version: 1,
    created_by: user.id, created_at: at, submitted_at: null, accepted_at: null, accepted_by: null,
  };
  await deps.db.transaction(async (trx) => {
    await trx('monthly_reports').insert(row);
    await trx('monthly_report_events').insert({ report_id: row.id, type: 'DRAFT', from_status: null, to_status: 'draft', note: null, actor_id: user.id, actor_org_id: user.orgId, at });
  }).catch((err: unknown) => {
    // Two drafts of one month at once: the unique (org, month) keeps one.
    if (/unique|duplicate/i.test(String((err as Error).message))) throw new AppError('RECORD_CHANGED');
    throw err;
  });
  return { created: true, report: await viewOf(deps, user, row) };
}

export async function sendReportEvent(deps: StatsDeps, user: ReportUser, id: string, input: { type: ReportEvent; note?: string; expectedVersion?: number }): Promise<ReportView> {
  const r = await load(deps, user, id);
  if (input.expectedVersion !== undefined && input.expectedVersion !== r.version) throw new AppError('RECORD_CHANGED');
  if (!actionsFor(deps, user, r).includes(input.type)) {
    if (r.status === 'accepted') throw new AppError('REPORT_LOCKED');
    throw new AppError('REPORT_EVENT_NOT_ALLOWED', `月报处于“${REPORT_STATUSES[r.status]}”状态，当前用户不能${EVENT_LABELS[input.type]}`);
  }
  const note = input.note?.trim() || null;
  if (input.type === 'RETURN' && !note) throw new AppError('VALIDATION_FAILED', '退回须说明原因', [{ pointer: '/note', message: '请填写退回原因' }]);
  if (input.type === 'SUBMIT' && lastDayOf(r.month) >= shanghaiDateOf(deps.now())) throw new AppError('MONTH_NOT_OVER');
  const at = deps.now().toISOString();
  const to: ReportStatus = input.type === 'SUBMIT' ? 'submitted' : input.type === 'RETURN' ? 'returned' : 'accepted';
  const changes: Partial<ReportRow> = { status: to, version: r.version + 1 };
  if (input.type === 'SUBMIT') Object.assign(changes, { submitted_at: at, return_note: null });
  if (input.type === 'RETURN') changes.return_note = note;
  if (input.type === 'ACCEPT') Object.assign(changes, { accepted_at: at, accepted_by: user.id });
  await deps.db.transaction(async (trx) => {
    const changed = await trx('monthly_reports').where({ id: r.id, version: r.version }).update(changes);
    if (!changed) throw new AppError('RECORD_CHANGED');
    await trx('monthly_report_events').insert({ report_id: r.id, type: input.type, from_status: r.status, to_status: to, note, actor_id: user.id, actor_org_id: user.orgId, at });
  });
  return viewOf(deps, user, { ...r, ...changes } as ReportRow);
}

export async function getReport(deps: StatsDeps, user: ReportUser, id: string): Promise<ReportView> {
  return viewOf(deps, user, await load(deps, user, id));
}

export interface ReportListQuery {
  orgId?: string;
  month?: string;
  status?: ReportStatus;
}

/** The reports of an organisation and those below it (a reviewer's list of what was submitted to it), newest month first. */
export async function listReports(deps: StatsDeps, user: ReportUser, q: ReportListQuery) {
  const org = scopedOrg(deps, user.orgId, q.orgId);
  const rows = (await deps.db('monthly_reports')
    .whereIn('org_id', [...deps.orgs.scope(org.id)])
    .modify((b) => {
      if (q.month) b.where('month', q.month);
      if (q.status) b.where('status', q.status);
    })
    .orderBy([{ column: 'month', order: 'desc' }, { column: 'org_id' }])
    .limit(500)) as ReportRow[];
  return {
    items: rows.map((r) => {
      const o = deps.orgs.get(r.org_id)!;
      const figures = readJson<ReportFigures>(r.figures);
      return {
        id: r.id, org: { id: o.id, name: o.name, level: o.level }, month: r.month, status: r.status, statusLabel: REPORT_STATUSES[r.status], version: r.version,
        submittedAt: r.submitted_at, acceptedAt: r.accepted_at, received: figures.total.received, concluded: figures.total.concluded, actions: actionsFor(deps, user, r),
      };
    }),
  };
}
