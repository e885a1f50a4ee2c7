// 回访 (seed 000 成效 4: 电话回访办事群众，每发现一例群众不满意，经核实，每起扣 10 分; seed 003 task 6
// 电话回访): each month a random sample of an organisation's concluded cases is drawn once and kept —
// it can be enlarged, never drawn again — and each call is recorded: reached or not, satisfied or
// not. A dissatisfied call opens a rectification like a bad evaluation.
import { shanghaiDateOf, startOfShanghaiDay } from '../calendar/index.ts';
import { loadCase } from '../cases/case-rows.ts';
import { AppError } from '../errors/index.ts';
import { transact, type Sql } from '../store/index.ts';
import { servedBy } from './evaluations.ts';
import { maskName, maskPhone } from '../privacy/index.ts';
import { openRectification } from './rectifications.ts';
import { decodeCursor, pageLimit, pageOf, type PageQuery } from './page-cursor.ts';
import { addToRollup, dayOf } from './rollups.ts';
import { scopedPage } from './scoped-page.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';
import { readSettings } from './supervision-settings.ts';

export const MAX_SAMPLE = 200;

/** [start, end) of a month (YYYY-MM) in Asia/Shanghai. */
export function monthRange(month: string): [string, string] {
  const start = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [startOfShanghaiDay(start).toISOString(), startOfShanghaiDay(next).toISOString()];
}

export function currentMonth(now: Date): string {
  return shanghaiDateOf(now).slice(0, 7);
}

export type CallResult = 'pending' | 'satisfied' | 'dissatisfied' | 'unreached';

export interface CallRecord {
  id: string;
  reached: boolean;
  satisfied: boolean | null;
  note: string | null;
  by: string;
  at: string;
  rectificationId: string | null;
}

export interface SampleItem {
  position: number;
  caseId: string;
  caseNumber: string;
  itemName: string;
  applicantName: string | null;
  phone: string | null;
  closedAt: string;
  result: CallResult;
  calls: CallRecord[];
}

interface CallRow {
  id: string;
  case_id: string;
  reached: unknown;
  satisfied: unknown;
  note: string | null;
  caller_name: string;
  called_at: string;
  rectification_id: string | null;
}

const callOf = (r: CallRow): CallRecord => ({
  id: r.id,
  reached: Boolean(r.reached),
  satisfied: r.satisfied === null ? null : Boolean(r.satisfied),
  note: r.note,
  by: r.caller_name,
  at: r.called_at,
  rectificationId: r.rectification_id,
});

function resultOf(calls: readonly CallRecord[]): CallResult {
  const reached = calls.find((c) => c.reached);
  if (reached) return reached.satisfied ? 'satisfied' : 'dissatisfied';
  return calls.length > 0 ? 'unreached' : 'pending';
}

const mayCall = (u: StaffUser) => u.roles.some((r) => r === 'clerk' || r === 'head' || r === 'supervisor' || r === 'agent');

/**
 * The month's sample of `orgId`, drawing it (or the part of it still missing up to `n`) at random
 * from the cases received there, concluded that month, with a phone to call, not withdrawn.
 */
export async function callbackSample(deps: SupervisionDeps, user: StaffUser, q: { orgId?: string; month?: string; n?: number }) {
  if (!mayCall(user)) throw new AppError('FORBIDDEN', '无权开展回访');
  const orgId = q.orgId ?? user.orgId;
  if (!deps.orgs.get(orgId) || !deps.orgs.scope(user.orgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  const now = deps.now();
  const month = q.month ?? currentMonth(now);
  if (month > currentMonth(now)) throw new AppError('VALIDATION_FAILED', '不能抽取未来月份的回访样本', [{ pointer: '/month', message: '月份晚于当前' }]);
  const [from, to] = monthRange(month);
  return transact(deps.db, async (sql) => {
    const n = Math.min(q.n ?? (await readSettings(sql, deps.orgs, orgId)).effective.callbackSampleSize, MAX_SAMPLE);
    const drawn = await sql.all<{ case_id: string; position: number }>('select case_id, position from callback_samples where org_id = ? and month = ? order by position', [orgId, month]);
    if (drawn.length < n) {
      // The month's concluded cases of one organisation: read through the (receiving_org_id, closed_at) index.
      const fresh = await sql.all<{ id: string }>(
        `select id from cases where receiving_org_id = ? and closed_at >= ? and closed_at < ? and state <> 'withdrawn' and applicant_phone is not null
           and id not in (select case_id from callback_samples where org_id = ? and month = ?) order by random() limit ?`,
        [orgId, from, to, orgId, month, n - drawn.length],
      );
      for (const [i, c] of fresh.entries()) {
        await sql.run('insert into callback_samples (org_id, month, case_id, position, drawn_by, drawn_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing', [
          orgId, month, c.id, drawn.length + i + 1, user.id, now.toISOString(),
        ]);
      }
    }
    const items = await sampleItems(sql, deps, orgId, month);
    const counts = { satisfied: 0, dissatisfied: 0, unreached: 0, pending: 0 };
    for (const item of items) counts[item.result] += 1;
    return { orgId, month, size: n, items, counts };
  });
}

async function sampleItems(sql: Sql, deps: SupervisionDeps, orgId: string, month: string): Promise<SampleItem[]> {
  const rows = await sql.all<{ case_id: string; position: number; number: string; item_code: string; applicant_name: string | null; applicant_phone: string | null; closed_at: string }>(
    `select s.case_id, s.position, c.number, c.item_code, c.applicant_name, c.applicant_phone, c.closed_at
       from callback_samples s join cases c on c.id = s.case_id where s.org_id = ? and s.month = ? order by s.position`,
    [orgId, month],
  );
  if (rows.length === 0) return [];
  const calls = await sql.all<CallRow>(
    `select id, case_id, reached, satisfied, note, caller_name, called_at, rectification_id from callbacks where case_id in (${rows.map(() => '?').join(', ')}) order by called_at`,
    rows.map((r) => r.case_id),
  );
  return rows.map((r) => {
    const own = calls.filter((c) => c.case_id === r.case_id).map(callOf);
    return {
      position: Number(r.position),
      caseId: r.case_id,
      caseNumber: r.number,
      itemName: deps.itemName(r.item_code),
      applicantName: maskName(r.applicant_name),
      phone: maskPhone(r.applicant_phone),
      closedAt: r.closed_at,
      result: resultOf(own),
      calls: own,
    };
  });
}

export interface CallInput {
  caseId: string;
  reached: boolean;
  satisfied?: boolean;
  note?: string;
}

export async function recordCallback(deps: SupervisionDeps, user: StaffUser, input: CallInput): Promise<CallRecord & { caseId: string; sampled: boolean }> {
  if (!mayCall(user)) throw new AppError('FORBIDDEN', '无权开展回访');
  if (input.reached && typeof input.satisfied !== 'boolean') throw new AppError('VALIDATION_FAILED', '联系上群众时请选择是否满意', [{ pointer: '/satisfied', message: '请选择是否满意' }]);
  return transact(deps.db, async (sql) => {
    const record = await loadCase(sql, input.caseId, true);
    if (!record || !deps.orgs.scope(user.orgId).has(record.receivingOrgId)) throw new AppError('CASE_NOT_FOUND');
    if (record.open || record.state === 'withdrawn') throw new AppError('CALLBACK_NOT_OPEN');
    if (await sql.first("select id from callbacks where case_id = ? and reached = ?", [record.id, true])) throw new AppError('ALREADY_CALLED_BACK');
    const now = deps.now();
    const at = now.toISOString();
    const day = dayOf(now);
    const sampled = Boolean(await sql.first('select case_id from callback_samples where case_id = ?', [record.id]));
    const served = await servedBy(sql, record);
    const id = crypto.randomUUID();
    const satisfied = input.reached ? input.satisfied! : null;
    const note = input.note?.trim() || null;
    await sql.run(
      `insert into callbacks (id, case_id, org_id, window_id, staff_id, item_code, sampled, reached, satisfied, note, called_by, caller_name, called_at, day)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, record.id, record.receivingOrgId, served.windowId, served.staffId, record.itemCode, sampled, input.reached, satisfied, note, user.id, user.name, at, day],
    );
    await addToRollup(sql, { day, orgId: record.receivingOrgId, windowId: served.windowId, staffId: served.staffId, itemCode: record.itemCode }, {
      callbacks: 1,
      callbacks_satisfied: satisfied === true ? 1 : 0,
      callbacks_dissatisfied: satisfied === false ? 1 : 0,
      callbacks_unreached: input.reached ? 0 : 1,
    });
    let rectificationId: string | null = null;
    if (satisfied === false) {
      rectificationId = await openRectification(sql, deps, {
        caseId: record.id, caseNumber: record.number, source: 'callback', sourceId: id, orgId: record.receivingOrgId, windowId: served.windowId, staffId: served.staffId,
        itemCode: record.itemCode, level: null, realName: true, day, at: now,
      });
      await sql.run('update callbacks set rectification_id = ? where id = ?', [rectificationId, id]);
    }
    return { id, caseId: record.id, sampled, reached: input.reached, satisfied, note, by: user.name, at, rectificationId };
  });
}

/** A page of the calls of an organisation (and below) in a month, newest first, with the month's counts from the rollups. */
export async function listCallbacks(deps: SupervisionDeps, user: StaffUser, q: PageQuery & { orgId?: string; month?: string }) {
  const orgId = q.orgId ?? user.orgId;
  if (!deps.orgs.get(orgId) || !deps.orgs.scope(user.orgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  const month = q.month ?? currentMonth(deps.now());
  const [from, to] = monthRange(month);
  const orgIds = [...deps.orgs.scope(orgId)];
  const limit = pageLimit(q.limit);
  const after = decodeCursor(q.cursor, 2);
  const rows = await scopedPage<CallRow & { number: string; item_code: string; sampled: unknown }>(
    deps.db,
    orgIds,
    (ids) =>
      deps.db('callbacks as b')
        .join('cases as c', 'c.id', 'b.case_id')
        .select('b.*', 'c.number')
        .whereIn('b.org_id', ids as string[])
        .where('b.called_at', '>=', from)
        .where('b.called_at', '<', to)
        .modify((x) => {
          if (after) x.where((w) => w.where('b.called_at', '<', after[0]!).orWhere((y) => y.where('b.called_at', after[0]!).andWhere('b.id', '<', after[1]!)));
        }),
    [{ column: 'b.called_at', order: 'desc' }, { column: 'b.id', order: 'desc' }],
    limit + 1,
  );
  const page = pageOf(rows, limit, (r) => [r.called_at, r.id]);
  const sums = (await deps.db('supervision_daily')
    .whereIn('org_id', orgIds)
    .where('day', '>=', `${month}-01`)
    .where('day', '<=', `${month}-31`)
    .first(deps.db.raw('sum(callbacks) as calls, sum(callbacks_satisfied) as satisfied, sum(callbacks_dissatisfied) as dissatisfied, sum(callbacks_unreached) as unreached'))) as Record<string, unknown>;
  return {
    orgId,
    month,
    counts: { calls: Number(sums.calls ?? 0), satisfied: Number(sums.satisfied ?? 0), dissatisfied: Number(sums.dissatisfied ?? 0), unreached: Number(sums.unreached ?? 0) },
    items: page.items.map((r) => ({ ...callOf(r), caseId: r.case_id, caseNumber: r.number, itemName: deps.itemName(r.item_code), sampled: Boolean(r.sampled) })),
    nextCursor: page.nextCursor,
  };
}
