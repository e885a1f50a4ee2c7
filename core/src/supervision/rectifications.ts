// 差评整改 work orders: opened by a bad evaluation or a dissatisfied call-back at the serving
// organisation, due in the organisation's `rectificationDays` (default 7 calendar days), worked
// through the events of rectification-flow.ts, each one transaction: the version-checked update,
// the history row, the deadlines, the staff messages and the statistics' counters.
import { addCalendarDays, endOfShanghaiDay } from '../calendar/index.ts';
import { allocateNumber } from '../documents/issuing/document-number.ts';
import { AppError } from '../errors/index.ts';
import { readJson, transact, withSql, writeJson, type Sql } from '../store/index.ts';
import { BAD_REASONS, levelLabel } from './evaluation-options.ts';
import { maskName, maskPhone } from '../privacy/index.ts';
import { decodeCursor, pageLimit, pageOf, type PageQuery } from './page-cursor.ts';
import {
  CLOSED_STATUSES, EVENT_ACTORS, EVENT_LABELS, OPEN_STATUSES, STATUS_LABELS, eventsInState, transition,
  type RectificationEventType, type RectificationState, type RectificationStatus,
} from './rectification-flow.ts';
import { addToRollup, type RollupKey } from './rollups.ts';
import { scopedPage } from './scoped-page.ts';
import { setDeadlines, type DeadlineHandler } from './supervision-deadlines.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';
import { readSettings } from './supervision-settings.ts';
import { headsFor, staffInScope, supervisorsAbove } from './staff-directory.ts';
import { postStaffMessage } from './staff-messages.ts';

export interface OpenRectificationInput {
  caseId: string;
  caseNumber: string;
  source: 'evaluation' | 'callback';
  sourceId: string;
  orgId: string;
  windowId: string | null;
  staffId: string | null;
  itemCode: string;
  level: number | null;
  realName: boolean;
  /** The rollup day of what opened it. */
  day: string;
  at: Date;
}

interface Row {
  id: string;
  number: string;
  case_id: string;
  source: 'evaluation' | 'callback';
  source_id: string;
  org_id: string;
  review_org_id: string;
  window_id: string | null;
  staff_id: string | null;
  item_code: string;
  level: number | null;
  real_name: unknown;
  status: RectificationStatus;
  assignee_id: string | null;
  justified: unknown;
  finding: string | null;
  measures: string | null;
  explanation: string | null;
  follow_ups: number | string;
  reached: unknown;
  satisfied: unknown;
  appeal_from: RectificationStatus | null;
  appeal_reason: string | null;
  appeal_upheld: unknown;
  due_at: string;
  opened_at: string;
  closed_at: string | null;
  day: string;
  version: number | string;
  updated_at: string;
}

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));

function stateOf(r: Row): RectificationState {
  return {
    status: r.status,
    justified: bool(r.justified),
    realName: Boolean(r.real_name),
    followUps: Number(r.follow_ups),
    reached: bool(r.reached),
    appealReason: r.appeal_reason,
    appealFrom: r.appeal_from,
  };
}

/** The day the work order is due: the end (Asia/Shanghai) of the `days`-th calendar day after it opened. */
export function rectificationDueAt(day: string, days: number): Date {
  return endOfShanghaiDay(addCalendarDays(day, days));
}

const WARNING_BEFORE_MS = 86_400_000;

/**
 * The condition of migration 0041's partial index of the active work orders, written out with its
 * literals: SQLite takes a partial index only when the query's own text implies its condition, which
 * a bound parameter never does.
 */
const ACTIVE = `status not in (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Opens a work order inside the caller's transaction (the evaluation's or the call-back's). */
export async function openRectification(sql: Sql, deps: SupervisionDeps, o: OpenRectificationInput): Promise<string> {
  const org = deps.orgs.get(o.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const settings = (await readSettings(sql, deps.orgs, o.orgId)).effective;
  const dueAt = rectificationDueAt(o.day, settings.rectificationDays);
  const { orgId: reviewOrgId, heads } = await headsFor(sql, deps.orgs, o.orgId);
  const id = crypto.randomUUID();
  const number = (await allocateNumber(sql, org, '整', o.at)).number;
  const at = o.at.toISOString();
  await sql.run(
    `insert into rectifications (id, number, case_id, source, source_id, org_id, review_org_id, window_id, staff_id, item_code, level, real_name, status,
       follow_ups, due_at, opened_at, day, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?, ?, ?, 1, ?)`,
    [id, number, o.caseId, o.source, o.sourceId, o.orgId, reviewOrgId, o.windowId, o.staffId, o.itemCode, o.level, o.realName, dueAt.toISOString(), at, o.day, at],
  );
  await insertHistory(sql, id, 0, 'OPEN', { source: o.source, level: o.level }, null, null, 'open', at);
  await setDeadlines(sql, 'rectification', id, [
    { kind: 'warning', dueAt: new Date(dueAt.getTime() - WARNING_BEFORE_MS).toISOString() },
    { kind: 'overdue', dueAt: dueAt.toISOString() },
  ], o.at);
  const why = o.source === 'evaluation' ? `办件 ${o.caseNumber} 收到${levelLabel(o.level ?? 1)}评价` : `办件 ${o.caseNumber} 回访不满意`;
  await postStaffMessage(sql, {
    to: heads.map((h) => h.id),
    title: `新的差评整改工单 ${number}，请分派`,
    body: `${why}，已生成整改工单，须于${dueText(dueAt)}前完成核实整改。`,
    caseId: o.caseId,
    link: { kind: 'rectification', id },
    at: o.at,
  });
  return id;
}

function dueText(d: Date): string {
  const day = new Date(d.getTime() + 8 * 3600_000);
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
}

async function insertHistory(sql: Sql, id: string, seq: number, type: string, payload: unknown, actorId: string | null, actorName: string | null, to: string, at: string, from: string | null = null) {
  await sql.run(
    'insert into rectification_events (rectification_id, seq, type, payload, actor_id, actor_name, from_status, to_status, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [id, seq, type, writeJson(payload), actorId, actorName, from, to, at],
  );
}

/** Whether `user` acts for the work order as its centre's head, its assignee, or the level above. */
function standing(deps: SupervisionDeps, user: StaffUser, r: Row): { head: boolean; worker: boolean; above: boolean } {
  const chain = deps.orgs.chain(r.org_id).map((o) => o.id);
  const head = user.roles.includes('head') && chain.includes(user.orgId);
  const above = (user.roles.includes('supervisor') || user.roles.includes('head')) && user.orgId !== r.org_id && chain.includes(user.orgId) && user.orgId !== r.review_org_id;
  return { head, worker: head || user.id === r.assignee_id, above };
}

function mayAct(deps: SupervisionDeps, user: StaffUser, r: Row, type: RectificationEventType): boolean {
  const s = standing(deps, user, r);
  const who = EVENT_ACTORS[type];
  return who === 'head' ? s.head : who === 'worker' ? s.worker : s.above;
}

function visible(deps: SupervisionDeps, user: StaffUser, r: Row): boolean {
  return deps.orgs.scope(user.orgId).has(r.org_id) || user.id === r.assignee_id;
}

async function loadRow(sql: Sql, id: string, lock: boolean): Promise<Row | undefined> {
  return sql.first<Row>(lock && sql.dialect === 'pg' ? 'select * from rectifications where id = ? for update' : 'select * from rectifications where id = ?', [id]);
}

export interface RectificationEventInput {
  type: RectificationEventType;
  payload?: Record<string, unknown>;
  expectedVersion?: number;
}

const describeEvents = (types: readonly RectificationEventType[]) => types.map((t) => `${EVENT_LABELS[t]}（${t}）`).join('、');

export async function sendRectificationEvent(deps: SupervisionDeps, user: StaffUser, id: string, input: RectificationEventInput): Promise<RectificationView> {
  await transact(deps.db, async (sql) => {
    const now = deps.now();
    const at = now.toISOString();
    const r = await loadRow(sql, id, true);
    if (!r || !visible(deps, user, r)) throw new AppError('RECTIFICATION_NOT_FOUND');
    if (input.expectedVersion !== undefined && input.expectedVersion !== Number(r.version)) throw new AppError('RECORD_CHANGED');
    const state = stateOf(r);
    const allowed = eventsInState(state);
    if (!allowed.includes(input.type)) {
      throw new AppError(
        'RECTIFICATION_EVENT_NOT_ALLOWED',
        allowed.length > 0
          ? `整改工单处于“${STATUS_LABELS[r.status]}”状态，只能执行：${describeEvents(allowed)}`
          : `整改工单已${STATUS_LABELS[r.status]}，不能再操作`,
        [{ pointer: '/type', message: `可执行：${allowed.join(', ') || '无'}` }],
      );
    }
    if (!mayAct(deps, user, r, input.type)) {
      const who = { head: '中心负责人', worker: '承办人或中心负责人', above: '上级监督人员' }[EVENT_ACTORS[input.type]];
      throw new AppError('FORBIDDEN', `${EVENT_LABELS[input.type]}须由${who}操作`);
    }
    const { problems, transition: t } = transition(state, input.type, input.payload ?? {});
    if (!t) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
    const c = t.changes;
    let assignee: { id: string; name: string } | undefined;
    if (c.assigneeId) {
      const scope = deps.orgs.scope(r.review_org_id);
      assignee = await staffInScope(sql, c.assigneeId, scope);
      if (!assignee) throw new AppError('VALIDATION_FAILED', '承办人须为本中心及下属站点的在岗工作人员', [{ pointer: '/payload/userId', message: '承办人不存在或不在本中心' }]);
    }
    const closedAt = c.closed ? at : null;
    const changed = await sql.run(
      `update rectifications set status = ?, assignee_id = coalesce(?, assignee_id), justified = coalesce(?, justified), finding = coalesce(?, finding),
         measures = coalesce(?, measures), explanation = coalesce(?, explanation), follow_ups = ?, reached = ?, satisfied = ?,
         appeal_from = ?, appeal_reason = coalesce(?, appeal_reason), appeal_upheld = coalesce(?, appeal_upheld), closed_at = coalesce(?, closed_at),
         version = version + 1, updated_at = ? where id = ? and version = ?`,
      [
        t.status, c.assigneeId ?? null, c.justified ?? null, c.finding ?? null, c.measures ?? null, c.explanation ?? null,
        c.followUps ?? Number(r.follow_ups), c.reached === undefined ? bool(r.reached) : c.reached, c.satisfied === undefined ? bool(r.satisfied) : c.satisfied,
        'appealFrom' in c ? c.appealFrom ?? null : r.appeal_from, c.appealReason ?? null, c.appealUpheld ?? null, closedAt, at, id, Number(r.version),
      ],
    );
    if (changed !== 1) throw new AppError('RECORD_CHANGED');
    const seq = Number((await sql.first<{ n: number | string }>('select max(seq) as n from rectification_events where rectification_id = ?', [id]))!.n) + 1;
    await insertHistory(sql, id, seq, input.type, { ...t.recorded, ...(assignee ? { userName: assignee.name } : {}) }, user.id, user.name, t.status, at, r.status);
    await afterEvent(sql, deps, r, input.type, t.status, { assignee, user, now, reached: c.reached ?? bool(r.reached) });
  });
  return getRectification(deps, user, id);
}

/** What follows an event: deadlines, messages, counters. */
async function afterEvent(
  sql: Sql,
  deps: SupervisionDeps,
  r: Row,
  type: RectificationEventType,
  status: RectificationStatus,
  x: { assignee?: { id: string; name: string }; user: StaffUser; now: Date; reached: boolean | null },
): Promise<void> {
  const link = { kind: 'rectification' as const, id: r.id };
  const key: RollupKey = { day: r.day, orgId: r.org_id, windowId: r.window_id, staffId: r.staff_id, itemCode: r.item_code };
  const fromEvaluation = r.source === 'evaluation';
  if (type === 'ASSIGN' && x.assignee) {
    await postStaffMessage(sql, {
      to: [x.assignee.id],
      title: `差评整改工单 ${r.number} 已分派给您`,
      body: `${x.user.name}将整改工单分派给您，请于${dueText(new Date(r.due_at))}前完成核实整改并回访。`,
      caseId: r.case_id,
      link,
      at: x.now,
    });
  }
  if (type === 'FOLLOW_UP' && status === 'verified' && r.assignee_id) {
    await postStaffMessage(sql, { to: [r.assignee_id], title: `整改工单 ${r.number} 回访不满意`, body: '评价人对整改结果仍不满意，请进一步整改或解释说明。', caseId: r.case_id, link, at: x.now });
  }
  if (type === 'APPEAL') {
    const above = await supervisorsAbove(sql, deps.orgs, r.org_id);
    await postStaffMessage(sql, { to: above.map((s) => s.id), title: `整改工单 ${r.number} 提出申诉`, body: `${deps.orgs.get(r.org_id)?.name ?? ''}对差评提出申诉，请裁定。`, caseId: r.case_id, link, at: x.now });
  }
  if (type === 'DECIDE_APPEAL') {
    const { heads } = await headsFor(sql, deps.orgs, r.org_id);
    const upheld = status === 'annulled';
    await postStaffMessage(sql, { to: heads.map((h) => h.id), title: `整改工单 ${r.number} 申诉${upheld ? '成立' : '不成立'}`, body: upheld ? '该差评不计入统计，工单已结束。' : '请继续核实整改。', caseId: r.case_id, link, at: x.now });
    if (upheld) {
      await setDeadlines(sql, 'rectification', r.id, [], x.now);
      if (fromEvaluation) await addToRollup(sql, key, { bad_annulled: 1, real_name_annulled: r.real_name ? 1 : 0 });
    }
  }
  if (type === 'CLOSE') {
    await setDeadlines(sql, 'rectification', r.id, [], x.now);
    if (fromEvaluation) {
      const onTime = x.now.toISOString() <= r.due_at;
      await addToRollup(sql, key, { bad_closed: 1, bad_closed_on_time: onTime ? 1 : 0, real_name_closed_called_back: Boolean(r.real_name) && x.reached ? 1 : 0 });
    }
  }
}

/** Fires a work order's warning (to the assignee, or the heads while unassigned) and its overdue notice (to the level above and the heads). */
export function rectificationDeadlines(deps: SupervisionDeps): DeadlineHandler {
  return async (sql, id, kind, now) => {
    const r = await loadRow(sql, id, false);
    if (!r || !OPEN_STATUSES.includes(r.status)) return;
    const link = { kind: 'rectification' as const, id };
    const { heads } = await headsFor(sql, deps.orgs, r.org_id);
    if (kind === 'warning') {
      await postStaffMessage(sql, {
        to: r.assignee_id ? [r.assignee_id] : heads.map((h) => h.id),
        title: `差评整改工单 ${r.number} 明日到期`,
        body: `整改期限为${dueText(new Date(r.due_at))}，当前状态：${STATUS_LABELS[r.status]}。`,
        caseId: r.case_id,
        link,
        at: now,
      });
    } else if (kind === 'overdue') {
      const above = await supervisorsAbove(sql, deps.orgs, r.org_id);
      await postStaffMessage(sql, {
        to: [...above.map((s) => s.id), ...heads.map((h) => h.id)],
        title: `差评整改超期：${deps.orgs.get(r.org_id)?.name ?? ''} ${r.number}`,
        body: `整改期限${dueText(new Date(r.due_at))}已过，当前状态：${STATUS_LABELS[r.status]}。`,
        caseId: r.case_id,
        link,
        at: now,
      });
    }
  };
}

export interface RectificationView {
  id: string;
  number: string;
  status: RectificationStatus;
  statusLabel: string;
  source: 'evaluation' | 'callback';
  case: { id: string; number: string; itemCode: string; itemName: string };
  evaluation: { level: number; label: string; reasons: string[]; comment: string | null; channel: string; realName: boolean; createdAt: string } | null;
  evaluator: { name: string | null; phone: string | null } | null;
  org: { id: string; name: string };
  window: { id: string; name: string } | null;
  staff: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  dueAt: string;
  overdue: boolean;
  openedAt: string;
  closedAt: string | null;
  justified: boolean | null;
  finding: string | null;
  measures: string | null;
  explanation: string | null;
  followUps: number;
  reached: boolean | null;
  satisfied: boolean | null;
  appeal: { reason: string; upheld: boolean | null } | null;
  /** The events this user may send now. */
  actions: RectificationEventType[];
  /** Whom the head may assign it to (when ASSIGN is among the actions). */
  assignees: { id: string; name: string; orgName: string }[];
  history: { seq: number; type: string; label: string; at: string; actor: string | null; from: string | null; to: string; payload: Record<string, unknown> }[];
  version: number;
}

export async function getRectification(deps: SupervisionDeps, user: StaffUser, id: string): Promise<RectificationView> {
  return withSql(deps.db, async (sql) => {
    const r = await loadRow(sql, id, false);
    if (!r || !visible(deps, user, r)) throw new AppError('RECTIFICATION_NOT_FOUND');
    const names = await namesOf(sql, [r.assignee_id, r.staff_id]);
    const c = (await sql.first<{ number: string; applicant_name: string | null; applicant_phone: string | null }>('select number, applicant_name, applicant_phone from cases where id = ?', [r.case_id]))!;
    const e = r.source === 'evaluation'
      ? await sql.first<{ level: number; reasons: unknown; comment: string | null; channel: string; real_name: unknown; created_at: string }>('select level, reasons, comment, channel, real_name, created_at from evaluations where case_id = ?', [r.source_id])
      : undefined;
    const w = r.window_id ? await sql.first<{ id: string; name: string }>('select id, name from windows where id = ?', [r.window_id]) : undefined;
    const history = await sql.all<{ seq: number; type: string; payload: unknown; actor_name: string | null; from_status: string | null; to_status: string; at: string }>(
      'select seq, type, payload, actor_name, from_status, to_status, at from rectification_events where rectification_id = ? order by seq',
      [id],
    );
    const state = stateOf(r);
    const actions = eventsInState(state).filter((t) => mayAct(deps, user, r, t));
    const assignees = actions.includes('ASSIGN') ? await assignable(sql, deps, r.review_org_id) : [];
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      source: r.source,
      case: { id: r.case_id, number: c.number, itemCode: r.item_code, itemName: deps.itemName(r.item_code) },
      evaluation: e
        ? {
            level: Number(e.level),
            label: levelLabel(Number(e.level)),
            reasons: (readJson<string[] | null>(e.reasons) ?? []).map((code) => BAD_REASONS.find((b) => b.code === code)?.label ?? code),
            comment: e.comment,
            channel: e.channel,
            realName: Boolean(e.real_name),
            createdAt: e.created_at,
          }
        : null,
      evaluator: state.realName ? { name: maskName(c.applicant_name), phone: maskPhone(c.applicant_phone) } : null,
      org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id },
      window: w ? { id: w.id, name: w.name } : null,
      staff: r.staff_id ? { id: r.staff_id, name: names.get(r.staff_id) ?? '' } : null,
      assignee: r.assignee_id ? { id: r.assignee_id, name: names.get(r.assignee_id) ?? '' } : null,
      dueAt: r.due_at,
      overdue: isOverdue(r, deps.now()),
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      justified: state.justified,
      finding: r.finding,
      measures: r.measures,
      explanation: r.explanation,
      followUps: state.followUps,
      reached: state.reached,
      satisfied: bool(r.satisfied),
      appeal: r.appeal_reason ? { reason: r.appeal_reason, upheld: bool(r.appeal_upheld) } : null,
      actions,
      assignees,
      history: history.map((h) => ({
        seq: Number(h.seq),
        type: h.type,
        label: EVENT_LABELS[h.type as RectificationEventType] ?? h.type,
        at: h.at,
        actor: h.actor_name,
        from: h.from_status,
        to: h.to_status,
        payload: readJson<Record<string, unknown>>(h.payload),
      })),
      version: Number(r.version),
    };
  });
}

/** Open past its due time, or closed after it. */
function isOverdue(r: Pick<Row, 'status' | 'due_at' | 'closed_at'>, now: Date): boolean {
  if (r.status === 'annulled') return false;
  return (r.closed_at ?? now.toISOString()) > r.due_at;
}

/** Active staff of the reviewing centre and the stations below it, for ASSIGN. */
async function assignable(sql: Sql, deps: SupervisionDeps, reviewOrgId: string): Promise<{ id: string; name: string; orgName: string }[]> {
  const ids = [...deps.orgs.scope(reviewOrgId)];
  const rows = await sql.all<{ id: string; name: string; org_id: string; roles: unknown }>(
    `select id, name, org_id, roles from users where active = ? and org_id in (${ids.map(() => '?').join(', ')}) order by org_id, username`,
    [true, ...ids],
  );
  return rows
    .filter((u) => readJson<string[]>(u.roles).some((role) => role !== 'admin'))
    .map((u) => ({ id: u.id, name: u.name, orgName: deps.orgs.get(u.org_id)?.name ?? u.org_id }));
}

async function namesOf(sql: Sql, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await sql.all<{ id: string; name: string }>(`select id, name from users where id in (${wanted.map(() => '?').join(', ')})`, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface RectificationQuery extends PageQuery {
  status?: RectificationStatus | 'active';
  orgId?: string;
  overdue?: boolean;
  /** Only those assigned to the user. */
  mine?: boolean;
  caseId?: string;
}

export interface RectificationSummary {
  id: string;
  number: string;
  status: RectificationStatus;
  statusLabel: string;
  source: 'evaluation' | 'callback';
  caseId: string;
  caseNumber: string;
  itemName: string;
  level: number | null;
  levelLabel: string | null;
  org: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  dueAt: string;
  overdue: boolean;
  openedAt: string;
  closedAt: string | null;
}

/** A page of work orders in the user's scope: open ones soonest due first, the others latest first (keyset on due time and id). */
export async function listRectifications(deps: SupervisionDeps, user: StaffUser, query: RectificationQuery): Promise<{ items: RectificationSummary[]; nextCursor: string | null }> {
  const scope = deps.orgs.scope(user.orgId);
  if (query.orgId && !scope.has(query.orgId)) throw new AppError('ORG_NOT_FOUND');
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, 2);
  const orgIds = query.orgId ? [...deps.orgs.scope(query.orgId)] : [...scope];
  const active = query.status === 'active' || query.overdue;
  // What waits comes soonest due first; the record of closed ones the latest first.
  const asc = active || (query.status !== undefined && !CLOSED_STATUSES.includes(query.status as RectificationStatus));
  const beyond = asc ? '>' : '<';
  const part = (orgIds: readonly string[] | null) =>
    deps.db('rectifications as r')
      .leftJoin('cases as c', 'c.id', 'r.case_id')
      .leftJoin('users as u', 'u.id', 'r.assignee_id')
      .select('r.*', 'c.number as case_number', 'u.name as assignee_name')
      .modify((b) => {
        if (orgIds) b.whereIn('r.org_id', orgIds as string[]);
        else b.where('r.assignee_id', user.id);
        if (active) b.whereRaw(`r.${ACTIVE}`);
        else if (query.status) b.where('r.status', query.status);
        if (query.overdue) b.where('r.due_at', '<', deps.now().toISOString());
        if (query.caseId) b.where('r.case_id', query.caseId);
        if (after) b.where((w) => w.where('r.due_at', beyond, after[0]!).orWhere((x) => x.where('r.due_at', after[0]!).andWhere('r.id', beyond, after[1]!)));
      });
  const order = [{ column: 'r.due_at', order: asc ? ('asc' as const) : ('desc' as const) }, { column: 'r.id', order: asc ? ('asc' as const) : ('desc' as const) }];
  const rows = (query.mine
    ? await part(null).orderBy(order).limit(limit + 1)
    : await scopedPage(deps.db, orgIds, part, order, limit + 1)) as (Row & { case_number: string; assignee_name: string | null })[];
  const page = pageOf(rows, limit, (r) => [r.due_at, r.id]);
  const now = deps.now();
  return {
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      source: r.source,
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemName: deps.itemName(r.item_code),
      level: r.level === null ? null : Number(r.level),
      levelLabel: r.level === null ? null : levelLabel(Number(r.level)),
      org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id },
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
      dueAt: r.due_at,
      overdue: isOverdue(r, now),
      openedAt: r.opened_at,
      closedAt: r.closed_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Open and overdue work orders in a scope (the centre head's page, the work list's badge). */
export async function countRectifications(deps: SupervisionDeps, orgIds: readonly string[], now: Date): Promise<{ open: number; overdue: number; unassigned: number }> {
  const rows = await deps.db('rectifications')
    .whereIn('org_id', orgIds as string[])
    .whereRaw(ACTIVE)
    .select(
      deps.db.raw('count(*) as open'),
      deps.db.raw('sum(case when due_at < ? then 1 else 0 end) as overdue', [now.toISOString()]),
      deps.db.raw("sum(case when status = 'open' then 1 else 0 end) as unassigned"),
    );
  const r = rows[0] as { open: number | string; overdue: number | string | null; unassigned: number | string | null };
  return { open: Number(r.open), overdue: Number(r.overdue ?? 0), unassigned: Number(r.unassigned ?? 0) };
}
