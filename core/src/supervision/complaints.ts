// 投诉处理记录本 (seed 003 township item 41: 日期、投诉人、联系电话、投诉内容、处理结果、记录人; seed 001
// 三(四)3 投诉受理调查处理反馈制; seed 002 art. 34): a complaint from any channel, about a member of
// staff, a window, an item or a case, worked received → investigated → handled → replied → closed,
// each step dated in its history; a confirmed one counts against the centre (seed 000 附则 1).
import { addCalendarDays, startOfShanghaiDay } from '../calendar/index.ts';
import { loadCase } from '../cases/case-rows.ts';
import { allocateNumber } from '../documents/issuing/document-number.ts';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { readJson, transact, withSql, writeJson, type Sql } from '../store/index.ts';
import { maskPhone } from '../privacy/index.ts';
import { decodeCursor, pageLimit, pageOf, type PageQuery } from './page-cursor.ts';
import { addToRollup, dayOf, type RollupKey } from './rollups.ts';
import { scopedPage } from './scoped-page.ts';
import { headsFor } from './staff-directory.ts';
import { postStaffMessage } from './staff-messages.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';

export const COMPLAINT_SOURCES = [
  { code: 'mailbox', label: '意见箱' },
  { code: 'hotline', label: '监督电话' },
  { code: 'window', label: '窗口当面' },
  { code: '12345', label: '12345热线' },
  { code: 'online', label: '网上投诉' },
] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number]['code'];

export const SUBJECT_KINDS = { staff: '工作人员', window: '窗口', item: '事项', case: '办件' } as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;

export const COMPLAINT_STATUSES = ['received', 'investigated', 'handled', 'replied', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { received: '已登记', investigated: '已调查核实', handled: '已处理', replied: '已答复', closed: '已办结' };

export const COMPLAINT_EVENTS = { INVESTIGATE: '调查核实', HANDLE: '处理', REPLY: '答复', CLOSE: '办结' } as const;
export type ComplaintEvent = keyof typeof COMPLAINT_EVENTS;

const NEXT: Record<ComplaintEvent, [from: ComplaintStatus, to: ComplaintStatus]> = {
  INVESTIGATE: ['received', 'investigated'],
  HANDLE: ['investigated', 'handled'],
  REPLY: ['handled', 'replied'],
  CLOSE: ['replied', 'closed'],
};

export const REPLY_METHODS = { phone: '电话答复', letter: '书面答复', sms: '短信答复', 'in-person': '当面答复' } as const;
export type ReplyMethod = keyof typeof REPLY_METHODS;

export interface NewComplaint {
  orgId?: string;
  receivedAt: string;
  complainant: string;
  phone?: string;
  content: string;
  source: ComplaintSource;
  subject?: { kind: SubjectKind; id: string };
  recordedBy?: string;
}

interface Row {
  id: string;
  number: string;
  org_id: string;
  received_at: string;
  complainant: string;
  phone: string | null;
  content: string;
  source: ComplaintSource;
  subject_kind: SubjectKind | null;
  subject_id: string | null;
  subject_name: string | null;
  case_id: string | null;
  recorded_by: string | null;
  recorder_name: string;
  status: ComplaintStatus;
  confirmed: unknown;
  finding: string | null;
  investigated_at: string | null;
  result: string | null;
  handled_at: string | null;
  reply: string | null;
  reply_method: ReplyMethod | null;
  reply_number: string | null;
  replied_at: string | null;
  closed_at: string | null;
  day: string;
  version: number | string;
  created_at: string;
  updated_at: string;
}

/** The subject's name and its rollup dimension; a subject outside the organisation's scope is a 400. */
async function resolveSubject(sql: Sql, deps: SupervisionDeps, orgId: string, subject: NewComplaint['subject']): Promise<{ name: string | null; caseId: string | null; key: Partial<RollupKey> }> {
  if (!subject) return { name: null, caseId: null, key: {} };
  const scope = deps.orgs.scope(orgId);
  const missing = (message: string) => new AppError('VALIDATION_FAILED', message, [{ pointer: '/subject/id', message }]);
  switch (subject.kind) {
    case 'staff': {
      const u = await sql.first<{ name: string; org_id: string }>('select name, org_id from users where id = ?', [subject.id]);
      if (!u || !scope.has(u.org_id)) throw missing('被投诉的工作人员不在本单位');
      return { name: u.name, caseId: null, key: { staffId: subject.id } };
    }
    case 'window': {
      const w = await sql.first<{ name: string; org_id: string }>('select name, org_id from windows where id = ?', [subject.id]);
      if (!w || !scope.has(w.org_id)) throw missing('被投诉的窗口不在本单位');
      return { name: w.name, caseId: null, key: { windowId: subject.id } };
    }
    case 'item': {
      const name = deps.itemName(subject.id);
      if (name === subject.id) throw missing('事项不存在');
      return { name, caseId: null, key: { itemCode: subject.id } };
    }
    case 'case': {
      // By id or, as a clerk has it at hand, by the case number.
      const found = await sql.first<{ id: string }>('select id from cases where id = ? or number = ?', [subject.id, subject.id]);
      const c = found ? await loadCase(sql, found.id, false) : null;
      if (!c || !scope.has(c.receivingOrgId)) throw missing('办件不存在或不在本单位');
      return { name: `${c.number} ${deps.itemName(c.itemCode)}`, caseId: c.id, key: { itemCode: c.itemCode, staffId: c.createdBy } };
    }
  }
}

export async function recordComplaint(deps: SupervisionDeps, user: StaffUser, input: NewComplaint): Promise<ComplaintView> {
  const orgId = input.orgId ?? user.orgId;
  if (!deps.orgs.get(orgId) || !deps.orgs.scope(user.orgId).has(orgId)) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer: '/orgId', message: '单位不存在或不在管辖范围' }]);
  const now = deps.now();
  const received = new Date(input.receivedAt);
  if (received.getTime() > now.getTime() + 60_000) throw new AppError('VALIDATION_FAILED', '投诉日期不能晚于今天', [{ pointer: '/receivedAt', message: '不能晚于当前时间' }]);
  const id = await transact(deps.db, async (sql) => {
    const subject = await resolveSubject(sql, deps, orgId, input.subject);
    const org = deps.orgs.get(orgId)!;
    const number = (await allocateNumber(sql, org, '投', received)).number;
    const id = crypto.randomUUID();
    const at = now.toISOString();
    const day = dayOf(received);
    await sql.run(
      `insert into complaints (id, number, org_id, received_at, complainant, phone, content, source, subject_kind, subject_id, subject_name, case_id, recorded_by,
         recorder_name, status, day, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, 1, ?, ?)`,
      [
        id, number, orgId, received.toISOString(), input.complainant.trim(), input.phone?.trim() || null, input.content.trim(), input.source, input.subject?.kind ?? null,
        input.subject?.id ?? null, subject.name, subject.caseId, user.id, input.recordedBy?.trim() || user.name, day, at, at,
      ],
    );
    await history(sql, id, 0, 'RECORD', { source: input.source }, user, null, 'received', at);
    await addToRollup(sql, { day, orgId, windowId: null, staffId: null, itemCode: null, ...subject.key }, { complaints: 1 });
    const { heads } = await headsFor(sql, deps.orgs, orgId);
    await postStaffMessage(sql, {
      to: heads.map((h) => h.id),
      title: `新投诉 ${number}（${COMPLAINT_SOURCES.find((s) => s.code === input.source)!.label}）`,
      body: `${input.subject ? `投诉对象：${SUBJECT_KINDS[input.subject.kind]} ${subject.name}。` : ''}${input.content.trim().slice(0, 120)}`,
      caseId: subject.caseId,
      link: { kind: 'complaint', id },
      at: now,
    });
    return id;
  });
  return getComplaint(deps, user, id);
}

async function history(sql: Sql, id: string, seq: number, type: string, payload: unknown, actor: StaffUser, from: string | null, to: string, at: string) {
  await sql.run(
    'insert into complaint_events (complaint_id, seq, type, payload, actor_id, actor_name, from_status, to_status, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [id, seq, type, writeJson(payload), actor.id, actor.name, from, to, at],
  );
}

const mayWork = (u: StaffUser) => u.roles.some((r) => r === 'clerk' || r === 'head' || r === 'supervisor' || r === 'agent');
const mayClose = (u: StaffUser) => u.roles.some((r) => r === 'head' || r === 'supervisor');

function allowedEvents(status: ComplaintStatus): ComplaintEvent[] {
  return (Object.keys(NEXT) as ComplaintEvent[]).filter((e) => NEXT[e][0] === status);
}

function text(payload: Record<string, unknown>, key: string, label: string, problems: ErrorDetail[]): string | undefined {
  const v = payload[key];
  if (typeof v !== 'string' || !v.trim()) problems.push({ pointer: `/payload/${key}`, message: `请填写${label}` });
  else if (v.length > 4000) problems.push({ pointer: `/payload/${key}`, message: `${label}不超过 4000 字` });
  else return v.trim();
  return undefined;
}

export async function sendComplaintEvent(
  deps: SupervisionDeps,
  user: StaffUser,
  id: string,
  input: { type: ComplaintEvent; payload?: Record<string, unknown>; expectedVersion?: number },
): Promise<ComplaintView> {
  await transact(deps.db, async (sql) => {
    const r = await sql.first<Row>(sql.dialect === 'pg' ? 'select * from complaints where id = ? for update' : 'select * from complaints where id = ?', [id]);
    if (!r || !deps.orgs.scope(user.orgId).has(r.org_id)) throw new AppError('COMPLAINT_NOT_FOUND');
    if (input.expectedVersion !== undefined && input.expectedVersion !== Number(r.version)) throw new AppError('RECORD_CHANGED');
    const allowed = allowedEvents(r.status);
    if (!allowed.includes(input.type)) {
      throw new AppError(
        'COMPLAINT_EVENT_NOT_ALLOWED',
        allowed.length ? `投诉处于“${COMPLAINT_STATUS_LABELS[r.status]}”状态，只能执行：${allowed.map((e) => `${COMPLAINT_EVENTS[e]}（${e}）`).join('、')}` : '投诉已办结',
        [{ pointer: '/type', message: `可执行：${allowed.join(', ') || '无'}` }],
      );
    }
    if (!(input.type === 'CLOSE' ? mayClose(user) : mayWork(user))) throw new AppError('FORBIDDEN', input.type === 'CLOSE' ? '投诉由中心负责人办结' : '无权处理投诉');
    const payload = input.payload ?? {};
    const problems: ErrorDetail[] = [];
    const now = deps.now();
    const at = now.toISOString();
    const to = NEXT[input.type][1];
    let recorded: Record<string, unknown> = {};
    let sets = '';
    let params: unknown[] = [];
    switch (input.type) {
      case 'INVESTIGATE': {
        const finding = text(payload, 'finding', '调查核实情况', problems);
        if (typeof payload.confirmed !== 'boolean') problems.push({ pointer: '/payload/confirmed', message: '请选择投诉是否属实' });
        recorded = { finding, confirmed: payload.confirmed };
        sets = 'finding = ?, confirmed = ?, investigated_at = ?';
        params = [finding, payload.confirmed === true, at];
        break;
      }
      case 'HANDLE': {
        const result = text(payload, 'result', '处理结果', problems);
        recorded = { result };
        sets = 'result = ?, handled_at = ?';
        params = [result, at];
        break;
      }
      case 'REPLY': {
        const content = text(payload, 'content', '答复内容', problems);
        const method = payload.method as ReplyMethod;
        if (!(method in REPLY_METHODS)) problems.push({ pointer: '/payload/method', message: '请选择答复方式' });
        recorded = { method, content };
        if (problems.length === 0) {
          const number = (await allocateNumber(sql, deps.orgs.get(r.org_id)!, '复', now)).number;
          recorded.replyNumber = number;
          sets = 'reply = ?, reply_method = ?, reply_number = ?, replied_at = ?';
          params = [content, method, number, at];
        }
        break;
      }
      case 'CLOSE': {
        recorded = typeof payload.note === 'string' && payload.note.trim() ? { note: payload.note.trim() } : {};
        sets = 'closed_at = ?';
        params = [at];
        break;
      }
    }
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
    const changed = await sql.run(`update complaints set status = ?, ${sets}, version = version + 1, updated_at = ? where id = ? and version = ?`, [to, ...(params as never[]), at, id, Number(r.version)]);
    if (changed !== 1) throw new AppError('RECORD_CHANGED');
    const seq = Number((await sql.first<{ n: number | string }>('select max(seq) as n from complaint_events where complaint_id = ?', [id]))!.n) + 1;
    await history(sql, id, seq, input.type, recorded, user, r.status, to, at);
    if (input.type === 'INVESTIGATE' && payload.confirmed === true) {
      const subject = r.subject_kind ? await resolveSubject(sql, deps, r.org_id, { kind: r.subject_kind, id: r.subject_id! }).catch(() => ({ key: {} })) : { key: {} };
      await addToRollup(sql, { day: r.day, orgId: r.org_id, windowId: null, staffId: null, itemCode: null, ...subject.key }, { complaints_confirmed: 1 });
    }
  });
  return getComplaint(deps, user, id);
}

export interface ComplaintView {
  id: string;
  number: string;
  org: { id: string; name: string };
  receivedAt: string;
  complainant: string;
  /** Masked: the register shows the number whole only to whoever opens the complaint to reply. */
  phone: string | null;
  content: string;
  source: ComplaintSource;
  sourceLabel: string;
  subject: { kind: SubjectKind; kindLabel: string; id: string; name: string | null } | null;
  caseId: string | null;
  recorder: string;
  status: ComplaintStatus;
  statusLabel: string;
  confirmed: boolean | null;
  finding: string | null;
  investigatedAt: string | null;
  result: string | null;
  handledAt: string | null;
  reply: { method: ReplyMethod; methodLabel: string; content: string; number: string; at: string } | null;
  closedAt: string | null;
  actions: ComplaintEvent[];
  history: { seq: number; type: string; label: string; at: string; actor: string | null; from: string | null; to: string; payload: Record<string, unknown> }[];
  version: number;
}

function viewOf(user: StaffUser, deps: SupervisionDeps, r: Row, events: ComplaintView['history'] = []): ComplaintView {
  return {
    id: r.id,
    number: r.number,
    org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id },
    receivedAt: r.received_at,
    complainant: r.complainant,
    phone: maskPhone(r.phone),
    content: r.content,
    source: r.source,
    sourceLabel: COMPLAINT_SOURCES.find((s) => s.code === r.source)?.label ?? r.source,
    subject: r.subject_kind ? { kind: r.subject_kind, kindLabel: SUBJECT_KINDS[r.subject_kind], id: r.subject_id!, name: r.subject_name } : null,
    caseId: r.case_id,
    recorder: r.recorder_name,
    status: r.status,
    statusLabel: COMPLAINT_STATUS_LABELS[r.status],
    confirmed: r.confirmed === null ? null : Boolean(r.confirmed),
    finding: r.finding,
    investigatedAt: r.investigated_at,
    result: r.result,
    handledAt: r.handled_at,
    reply: r.reply && r.reply_method ? { method: r.reply_method, methodLabel: REPLY_METHODS[r.reply_method], content: r.reply, number: r.reply_number ?? '', at: r.replied_at! } : null,
    closedAt: r.closed_at,
    actions: allowedEvents(r.status).filter((e) => (e === 'CLOSE' ? mayClose(user) : mayWork(user))),
    history: events,
    version: Number(r.version),
  };
}

export async function getComplaint(deps: SupervisionDeps, user: StaffUser, id: string): Promise<ComplaintView> {
  return withSql(deps.db, async (sql) => {
    const r = await sql.first<Row>('select * from complaints where id = ?', [id]);
    if (!r || !deps.orgs.scope(user.orgId).has(r.org_id)) throw new AppError('COMPLAINT_NOT_FOUND');
    const events = await sql.all<{ seq: number; type: string; payload: unknown; actor_name: string | null; from_status: string | null; to_status: string; at: string }>(
      'select seq, type, payload, actor_name, from_status, to_status, at from complaint_events where complaint_id = ? order by seq',
      [id],
    );
    return viewOf(user, deps, r, events.map((e) => ({
      seq: Number(e.seq), type: e.type, label: e.type === 'RECORD' ? '登记' : COMPLAINT_EVENTS[e.type as ComplaintEvent] ?? e.type, at: e.at, actor: e.actor_name,
      from: e.from_status, to: e.to_status, payload: readJson<Record<string, unknown>>(e.payload),
    })));
  });
}

export interface ComplaintQuery extends PageQuery {
  orgId?: string;
  status?: ComplaintStatus | 'open';
  from?: string;
  to?: string;
}

function complaintScope(deps: SupervisionDeps, user: StaffUser, query: { orgId?: string }): string[] {
  const scope = deps.orgs.scope(user.orgId);
  if (query.orgId && !scope.has(query.orgId)) throw new AppError('ORG_NOT_FOUND');
  return query.orgId ? [...deps.orgs.scope(query.orgId)] : [...scope];
}

function complaintsQuery(deps: SupervisionDeps, orgIds: readonly string[], query: Omit<ComplaintQuery, 'cursor' | 'limit' | 'orgId'>) {
  return deps.db('complaints')
    .whereIn('org_id', orgIds as string[])
    .modify((b) => {
      if (query.status === 'open') b.whereNot('status', 'closed');
      else if (query.status) b.where('status', query.status);
      // By time, not by day: the (org_id, received_at) index gives the range and the order.
      if (query.from) b.where('received_at', '>=', startOfShanghaiDay(query.from).toISOString());
      if (query.to) b.where('received_at', '<', startOfShanghaiDay(addCalendarDays(query.to, 1)).toISOString());
    });
}

/** A page of the register, newest first. */
export async function listComplaints(deps: SupervisionDeps, user: StaffUser, query: ComplaintQuery): Promise<{ items: ComplaintView[]; nextCursor: string | null }> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, 2);
  const rows = await scopedPage<Row>(
    deps.db,
    complaintScope(deps, user, query),
    (orgIds) =>
      complaintsQuery(deps, orgIds, query).modify((b) => {
        if (after) b.where((w) => w.where('received_at', '<', after[0]!).orWhere((x) => x.where('received_at', after[0]!).andWhere('id', '<', after[1]!)));
      }),
    [{ column: 'received_at', order: 'desc' }, { column: 'id', order: 'desc' }],
    limit + 1,
  );
  const page = pageOf(rows, limit, (r) => [r.received_at, r.id]);
  return { items: page.items.map((r) => viewOf(user, deps, r)), nextCursor: page.nextCursor };
}

/** The register of a period in the order of the book (oldest first), read in pages of `batch`. */
export async function* complaintRegister(deps: SupervisionDeps, user: StaffUser, query: Omit<ComplaintQuery, 'cursor' | 'limit' | 'status'>, batch = 500): AsyncGenerator<ComplaintView> {
  const orgIds = complaintScope(deps, user, query);
  let after: [string, string] | null = null;
  for (;;) {
    const last: [string, string] | null = after;
    const rows = (await complaintsQuery(deps, orgIds, query)
      .modify((b) => {
        if (last) b.where((w) => w.where('received_at', '>', last[0]).orWhere((x) => x.where('received_at', last[0]).andWhere('id', '>', last[1])));
      })
      .orderBy([{ column: 'received_at' }, { column: 'id' }])
      .limit(batch)) as Row[];
    for (const r of rows) yield viewOf(user, deps, r);
    if (rows.length < batch) return;
    after = [rows[rows.length - 1]!.received_at, rows[rows.length - 1]!.id];
  }
}

/** Complaints not yet closed in a scope (the centre head's page). */
export async function countOpenComplaints(deps: SupervisionDeps, orgIds: readonly string[]): Promise<number> {
  const row = await deps.db('complaints').whereIn('org_id', orgIds as string[]).whereNot('status', 'closed').count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
