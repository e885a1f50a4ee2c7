// What waits for this member of staff in supervision, for the work list (API.md "Work lists and
// messages"): work orders assigned to them and not done, and — for a centre head — those to assign,
// to close and the refusal reports to review; for the level above, appeals to decide; 办不成事
// requests they own. Each from an index of the open records, never the closed history.
import type { Knex } from 'knex';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';

export interface SupervisionTask {
  kind: 'rectification' | 'refusal-report' | 'unresolved-request';
  id: string;
  title: string;
  dueAt: string | null;
  overdue: boolean;
}


export async function supervisionWork(deps: SupervisionDeps, user: StaffUser, limit = 20): Promise<{ rectifications: number; refusals: number; requests: number; items: SupervisionTask[] }> {
  const now = deps.now().toISOString();
  const db: Knex = deps.db;
  const head = user.roles.includes('head');
  const above = user.roles.includes('head') || user.roles.includes('supervisor');
  const scope = [...deps.orgs.scope(user.orgId)];
  const rects = db('rectifications')
    .whereRaw("status not in ('closed', 'annulled')")
    .where((w) => {
      w.where((x) => x.where('assignee_id', user.id).whereIn('status', ['assigned', 'verified', 'rectified', 'explained']));
      if (head) w.orWhere((x) => x.whereIn('org_id', scope).whereIn('status', ['open', 'followed-up']));
      if (above) w.orWhere((x) => x.whereIn('org_id', scope).whereNot('org_id', user.orgId).where('status', 'appealed'));
    });
  const [rectRows, refusalRows, requestRows] = await Promise.all([
    rects.clone().orderBy('due_at').limit(limit).select('id', 'number', 'status', 'due_at'),
    head ? db('refusal_reports').whereIn('org_id', scope).whereIn('status', ['reported', 'requested']).orderBy('created_at').limit(limit).select('id', 'event_type', 'staff_name', 'created_at') : [],
    db('unresolved_requests').where({ owner_id: user.id, status: 'open' }).orderBy('answer_due_at').limit(limit).select('id', 'requester', 'answer_due_at'),
  ]);
  const [rectCount, refusalCount, requestCount] = await Promise.all([
    rects.clone().count({ n: '*' }).first(),
    head ? db('refusal_reports').whereIn('org_id', scope).whereIn('status', ['reported', 'requested']).count({ n: '*' }).first() : { n: 0 },
    db('unresolved_requests').where({ owner_id: user.id, status: 'open' }).count({ n: '*' }).first(),
  ]);
  const items: SupervisionTask[] = [
    ...rectRows.map((r: { id: string; number: string; status: string; due_at: string }) => ({ kind: 'rectification' as const, id: r.id, title: `差评整改 ${r.number}`, dueAt: r.due_at, overdue: r.due_at < now })),
    ...refusalRows.map((r: { id: string; event_type: string; staff_name: string }) => ({ kind: 'refusal-report' as const, id: r.id, title: `否定报备：${r.staff_name}`, dueAt: null, overdue: false })),
    ...requestRows.map((r: { id: string; requester: string; answer_due_at: string }) => ({ kind: 'unresolved-request' as const, id: r.id, title: `办不成事：${r.requester}`, dueAt: r.answer_due_at, overdue: r.answer_due_at < now })),
  ];
  return { rectifications: Number(rectCount?.n ?? 0), refusals: Number(refusalCount?.n ?? 0), requests: Number(requestCount?.n ?? 0), items };
}
