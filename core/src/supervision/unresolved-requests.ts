// 办不成事反映 (seed 003 township item 28, task 3: 设置“办不成事”反映窗口，提供兜底服务): a clerk records what
// someone came for that no item covers or that could not get done, names who owns it and by when it
// is answered; the owner is warned on the due day and the head told when it passes unanswered.
import { endOfShanghaiDay, shanghaiDateOf, startOfShanghaiDay } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { maskPhone } from '../privacy/index.ts';
import { transact, withSql, type Sql } from '../store/index.ts';
import { decodeCursor, pageLimit, pageOf, type PageQuery } from './page-cursor.ts';
import { headsFor, staffInScope } from './staff-directory.ts';
import { postStaffMessage } from './staff-messages.ts';
import { setDeadlines, type DeadlineHandler } from './supervision-deadlines.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';

export interface NewUnresolvedRequest {
  receivedAt?: string;
  requester: string;
  phone?: string;
  content: string;
  ownerId: string;
  /** The day (YYYY-MM-DD) by whose end it is answered. */
  answerDue: string;
}

interface Row {
  id: string;
  org_id: string;
  received_at: string;
  requester: string;
  phone: string | null;
  content: string;
  owner_id: string;
  answer_due_at: string;
  status: 'open' | 'answered';
  answer: string | null;
  answered_at: string | null;
  recorded_by: string;
  created_at: string;
}

export interface UnresolvedRequestView {
  id: string;
  org: { id: string; name: string };
  receivedAt: string;
  requester: string;
  phone: string | null;
  content: string;
  owner: { id: string; name: string };
  answerDueAt: string;
  overdue: boolean;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  canAnswer: boolean;
}

export async function recordUnresolvedRequest(deps: SupervisionDeps, user: StaffUser, input: NewUnresolvedRequest): Promise<UnresolvedRequestView> {
  const now = deps.now();
  if (input.answerDue < shanghaiDateOf(now)) throw new AppError('VALIDATION_FAILED', '答复期限不能早于今天', [{ pointer: '/answerDue', message: '不能早于今天' }]);
  const id = await transact(deps.db, async (sql) => {
    const { orgId: centre } = await headsFor(sql, deps.orgs, user.orgId);
    const owner = await staffInScope(sql, input.ownerId, deps.orgs.scope(centre));
    if (!owner) throw new AppError('VALIDATION_FAILED', '责任人须为本中心及下属站点的在岗工作人员', [{ pointer: '/ownerId', message: '责任人不存在或不在本中心' }]);
    const id = crypto.randomUUID();
    const dueAt = endOfShanghaiDay(input.answerDue);
    await sql.run(
      `insert into unresolved_requests (id, org_id, received_at, requester, phone, content, owner_id, answer_due_at, status, recorded_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      [id, user.orgId, input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString(), input.requester.trim(), input.phone?.trim() || null, input.content.trim(), owner.id, dueAt.toISOString(), user.id, now.toISOString()],
    );
    await setDeadlines(sql, 'unresolved-request', id, [
      { kind: 'warning', dueAt: startOfShanghaiDay(input.answerDue).toISOString() },
      { kind: 'overdue', dueAt: dueAt.toISOString() },
    ], now);
    await postStaffMessage(sql, {
      to: [owner.id],
      title: `办不成事反映：请于 ${input.answerDue} 前答复${input.requester.trim()}`,
      body: `${user.name}登记：${input.content.trim().slice(0, 120)}`,
      link: { kind: 'unresolved-request', id },
      at: now,
    });
    return id;
  });
  return getUnresolvedRequest(deps, user, id);
}

export async function answerUnresolvedRequest(deps: SupervisionDeps, user: StaffUser, id: string, answer: string): Promise<UnresolvedRequestView> {
  await transact(deps.db, async (sql) => {
    const r = await sql.first<Row>(sql.dialect === 'pg' ? 'select * from unresolved_requests where id = ? for update' : 'select * from unresolved_requests where id = ?', [id]);
    if (!r || !visible(deps, user, r)) throw new AppError('UNRESOLVED_REQUEST_NOT_FOUND');
    if (r.status === 'answered') throw new AppError('UNRESOLVED_REQUEST_ANSWERED');
    if (!mayAnswer(deps, user, r)) throw new AppError('FORBIDDEN', '由责任人或中心负责人答复');
    const now = deps.now();
    await sql.run("update unresolved_requests set status = 'answered', answer = ?, answered_at = ? where id = ?", [answer.trim(), now.toISOString(), id]);
    await setDeadlines(sql, 'unresolved-request', id, [], now);
  });
  return getUnresolvedRequest(deps, user, id);
}

const visible = (deps: SupervisionDeps, user: StaffUser, r: Pick<Row, 'org_id' | 'owner_id'>) => deps.orgs.scope(user.orgId).has(r.org_id) || user.id === r.owner_id;
const mayAnswer = (deps: SupervisionDeps, user: StaffUser, r: Pick<Row, 'org_id' | 'owner_id'>) =>
  user.id === r.owner_id || (user.roles.includes('head') && deps.orgs.chain(r.org_id).some((o) => o.id === user.orgId));

function viewOf(deps: SupervisionDeps, user: StaffUser, r: Row & { owner_name: string }): UnresolvedRequestView {
  return {
    id: r.id,
    org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id },
    receivedAt: r.received_at,
    requester: r.requester,
    phone: maskPhone(r.phone),
    content: r.content,
    owner: { id: r.owner_id, name: r.owner_name },
    answerDueAt: r.answer_due_at,
    overdue: (r.answered_at ?? deps.now().toISOString()) > r.answer_due_at,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at,
    canAnswer: r.status === 'open' && mayAnswer(deps, user, r),
  };
}

export async function getUnresolvedRequest(deps: SupervisionDeps, user: StaffUser, id: string): Promise<UnresolvedRequestView> {
  const r = await withSql(deps.db, (sql) => sql.first<Row & { owner_name: string }>('select r.*, u.name as owner_name from unresolved_requests r join users u on u.id = r.owner_id where r.id = ?', [id]));
  if (!r || !visible(deps, user, r)) throw new AppError('UNRESOLVED_REQUEST_NOT_FOUND');
  return viewOf(deps, user, r);
}

/** A page in the user's scope (or their own), the soonest due first. */
export async function listUnresolvedRequests(deps: SupervisionDeps, user: StaffUser, q: PageQuery & { status?: 'open' | 'answered'; mine?: boolean }) {
  const limit = pageLimit(q.limit);
  const after = decodeCursor(q.cursor, 2);
  const rows = await deps.db('unresolved_requests as r')
    .join('users as u', 'u.id', 'r.owner_id')
    .select('r.*', 'u.name as owner_name')
    .modify((b) => {
      if (q.mine) b.where('r.owner_id', user.id);
      else b.whereIn('r.org_id', [...deps.orgs.scope(user.orgId)]);
      if (q.status) b.where('r.status', q.status);
      if (after) b.where((w) => w.where('r.answer_due_at', '>', after[0]!).orWhere((x) => x.where('r.answer_due_at', after[0]!).andWhere('r.id', '>', after[1]!)));
    })
    .orderBy([{ column: 'r.answer_due_at' }, { column: 'r.id' }])
    .limit(limit + 1);
  const page = pageOf(rows as (Row & { owner_name: string })[], limit, (r) => [r.answer_due_at, r.id]);
  return { items: page.items.map((r) => viewOf(deps, user, r)), nextCursor: page.nextCursor };
}

export function unresolvedRequestDeadlines(deps: SupervisionDeps): DeadlineHandler {
  return async (sql: Sql, id, kind, now) => {
    const r = await sql.first<Row>('select * from unresolved_requests where id = ?', [id]);
    if (!r || r.status !== 'open') return;
    const link = { kind: 'unresolved-request' as const, id };
    if (kind === 'warning') {
      await postStaffMessage(sql, { to: [r.owner_id], title: `办不成事反映今日到期：${r.requester}`, body: r.content.slice(0, 120), link, at: now });
    } else {
      const { heads } = await headsFor(sql, deps.orgs, r.org_id);
      await postStaffMessage(sql, { to: [r.owner_id, ...heads.map((h) => h.id)], title: `办不成事反映逾期未答复：${r.requester}`, body: r.content.slice(0, 120), link, at: now });
    }
  };
}

export async function countOpenRequests(deps: SupervisionDeps, orgIds: readonly string[], now: Date): Promise<{ open: number; overdue: number }> {
  const row = await deps.db('unresolved_requests')
    .whereIn('org_id', orgIds as string[])
    .where('status', 'open')
    .select(deps.db.raw('count(*) as open'), deps.db.raw('sum(case when answer_due_at < ? then 1 else 0 end) as overdue', [now.toISOString()]))
    .first();
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}
