// 好差评: one evaluation per case ("一次一评、一事一评", seed 002 art. 35), by the applicant alone —
// through the portal, the SMS link or the window's QR code with the case number and phone, on the
// window's evaluator (评价器) when the clerk hands the case to it, or from a paper 评议卡 entered by
// staff with the card's number — and only once the case reached a decision, a refusal or a referral
// (seed 003 task 6: no 先评价后办事). It judges the serving organisation, the window and the member
// of staff who served; a bad one (≤ 2) opens a rectification in the same transaction.
import { addCalendarDays, startOfShanghaiDay } from '../calendar/index.ts';
import type { CaseRecord } from '../cases/index.ts';
import { loadCase } from '../cases/case-rows.ts';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { readJson, transact, writeJson, type Sql } from '../store/index.ts';
import {
  BAD_LEVEL_MAX, BAD_REASONS, EVALUATION_CHANNELS, GOOD_LEVEL_MIN, levelLabel, type EvaluationChannel,
} from './evaluation-options.ts';
import { decodeCursor, pageLimit, pageOf, type PageQuery } from './page-cursor.ts';
import { openRectification } from './rectifications.ts';
import { scopedPage } from './scoped-page.ts';
import { addToRollup, dayOf } from './rollups.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';

/** Outcomes after which a case may be evaluated: a decision either way, a refusal, a referral. */
const RATED_OUTCOMES = ['approved', 'denied', 'refused', 'referred'];
/** States past a decision, for machines (a plugin's own config) that record no outcome. */
const DECIDED_STATES = ['approved', 'denied', 'delivering', 'concluded'];

export function evaluationOpen(record: CaseRecord): boolean {
  const outcome = (record.snapshot.context as { outcome?: string }).outcome;
  if (outcome) return RATED_OUTCOMES.includes(outcome);
  return DECIDED_STATES.includes(record.state.split('.')[0]!);
}

export interface EvaluationInput {
  level: number;
  reasons?: string[];
  dimensions?: Record<string, number>;
  comment?: string;
  channel: EvaluationChannel;
  realName: boolean;
  /** The window whose QR code or evaluator it came through. */
  windowId?: string;
  /** Paper card: its printed number. */
  cardNumber?: string;
}

export interface EvaluationResult {
  caseId: string;
  caseNumber: string;
  level: number;
  label: string;
  channel: EvaluationChannel;
  createdAt: string;
  rectification: { id: string; dueAt: string } | null;
}

/** The checks a body's schema cannot make: a bad rating names a reason. */
function checkInput(input: EvaluationInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (input.level <= BAD_LEVEL_MAX && (input.reasons ?? []).length === 0) {
    problems.push({ pointer: '/reasons', message: '不满意评价请至少选择一项原因' });
  }
  if (input.channel === 'paper' && !input.cardNumber) problems.push({ pointer: '/cardNumber', message: '请填写评议卡编号' });
  return problems;
}

/** Who served the applicant: the member of staff who received the case, else who first acted on it at the counter. */
export async function servedBy(sql: Sql, record: CaseRecord): Promise<{ staffId: string | null; windowId: string | null }> {
  const staffId =
    record.createdBy ??
    (await sql.first<{ actor_id: string }>(
      "select actor_id from case_events where case_id = ? and actor_id is not null and type in ('ACCEPT', 'REFUSE', 'REFER', 'REQUEST_CORRECTION') order by seq limit 1",
      [record.id],
    ))?.actor_id ??
    null;
  const windowId = staffId ? ((await sql.first<{ window_id: string | null }>('select window_id from users where id = ?', [staffId]))?.window_id ?? null) : null;
  return { staffId, windowId };
}

/**
 * Records an evaluation of the case `caseId` (already identified: by number and phone for the
 * public, by the staff's scope for cards and the evaluator). `recordedBy`: the staff member who
 * entered it, for staff channels.
 */
export async function recordEvaluation(deps: SupervisionDeps, caseId: string, input: EvaluationInput, recordedBy: StaffUser | null): Promise<EvaluationResult> {
  const problems = checkInput(input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
  return transact(deps.db, async (sql) => {
    const now = deps.now();
    const at = now.toISOString();
    const record = await loadCase(sql, caseId, true);
    if (!record) throw new AppError('CASE_NOT_FOUND');
    if (recordedBy && !deps.orgs.scope(recordedBy.orgId).has(record.receivingOrgId)) throw new AppError('CASE_NOT_FOUND');
    if (await sql.first('select case_id from evaluations where case_id = ?', [caseId])) throw new AppError('ALREADY_EVALUATED');
    if (!evaluationOpen(record)) throw new AppError('EVALUATION_NOT_OPEN');
    const served = await servedBy(sql, record);
    let windowId = served.windowId;
    if (input.windowId) {
      const w = await sql.first<{ org_id: string }>('select org_id from windows where id = ?', [input.windowId]);
      if (!w) throw new AppError('WINDOW_NOT_FOUND', undefined, [{ pointer: '/windowId', message: '窗口不存在' }]);
      if (w.org_id !== record.receivingOrgId) {
        throw new AppError('VALIDATION_FAILED', '该窗口不属于办件的受理单位，请扫描受理窗口的二维码', [{ pointer: '/windowId', message: '窗口与办件不符' }]);
      }
      windowId = input.windowId;
    }
    if (input.channel === 'tablet') {
      // The evaluator shows only the case its window's clerk handed to it.
      const taken = await sql.run('delete from evaluation_requests where window_id = ? and case_id = ?', [input.windowId ?? '', caseId]);
      if (taken !== 1) throw new AppError('EVALUATION_NOT_REQUESTED');
    }
    if (input.channel === 'paper') {
      const card = await sql.first('select case_id from evaluations where org_id = ? and card_number = ?', [record.receivingOrgId, input.cardNumber!]);
      if (card) throw new AppError('CARD_ALREADY_ENTERED', undefined, [{ pointer: '/cardNumber', message: '该编号的评议卡已录入' }]);
    }
    const day = dayOf(now);
    const inserted = await sql.run(
      `insert into evaluations (case_id, level, comment, channel, created_at, org_id, window_id, staff_id, item_code, reasons, dimensions, real_name, recorded_by, card_number, day)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing`,
      [
        caseId, input.level, input.comment ?? null, input.channel, at, record.receivingOrgId, windowId, served.staffId, record.itemCode,
        writeJson(input.level <= BAD_LEVEL_MAX ? input.reasons ?? [] : []), input.dimensions ? writeJson(input.dimensions) : null, input.realName,
        recordedBy?.id ?? null, input.cardNumber ?? null, day,
      ],
    );
    // A racing second evaluation of the same case: still "once per case".
    if (inserted !== 1) throw new AppError('ALREADY_EVALUATED');
    const bad = input.level <= BAD_LEVEL_MAX;
    const key = { day, orgId: record.receivingOrgId, windowId, staffId: served.staffId, itemCode: record.itemCode };
    await addToRollup(sql, key, {
      evaluations: 1,
      good: input.level >= GOOD_LEVEL_MIN ? 1 : 0,
      bad: bad ? 1 : 0,
      real_name_bad: bad && input.realName ? 1 : 0,
    });
    let rectification: EvaluationResult['rectification'] = null;
    if (bad) {
      const id = await openRectification(sql, deps, {
        caseId, caseNumber: record.number, source: 'evaluation', sourceId: caseId, orgId: record.receivingOrgId, windowId, staffId: served.staffId,
        itemCode: record.itemCode, level: input.level, realName: input.realName, day, at: now,
      });
      rectification = { id, dueAt: (await sql.first<{ due_at: string }>('select due_at from rectifications where id = ?', [id]))!.due_at };
    }
    return { caseId, caseNumber: record.number, level: input.level, label: levelLabel(input.level), channel: input.channel, createdAt: at, rectification };
  });
}

/** What the public page says about evaluating a case: done (with what), open, or not yet. */
export async function evaluationState(sql: Sql, record: CaseRecord): Promise<{ evaluation: { level: number; label: string; createdAt: string } | null; canEvaluate: boolean }> {
  const row = await sql.first<{ level: number; created_at: string }>('select level, created_at from evaluations where case_id = ?', [record.id]);
  if (row) return { evaluation: { level: Number(row.level), label: levelLabel(Number(row.level)), createdAt: row.created_at }, canEvaluate: false };
  return { evaluation: null, canEvaluate: evaluationOpen(record) };
}

/** The clerk hands the case to the window's evaluator; the applicant rates it there. */
export async function requestEvaluation(deps: SupervisionDeps, user: StaffUser, caseId: string): Promise<{ windowId: string; caseId: string; caseNumber: string }> {
  if (!user.windowId) throw new AppError('VALIDATION_FAILED', '您的账号未绑定服务窗口，无法使用窗口评价器', [{ pointer: '/windowId', message: '未绑定窗口' }]);
  const windowId = user.windowId;
  return transact(deps.db, async (sql) => {
    const record = await loadCase(sql, caseId, false);
    if (!record || !deps.orgs.scope(user.orgId).has(record.receivingOrgId)) throw new AppError('CASE_NOT_FOUND');
    if (await sql.first('select case_id from evaluations where case_id = ?', [caseId])) throw new AppError('ALREADY_EVALUATED');
    if (!evaluationOpen(record)) throw new AppError('EVALUATION_NOT_OPEN');
    const at = deps.now().toISOString();
    await sql.run(
      'insert into evaluation_requests (window_id, case_id, requested_by, requested_at) values (?, ?, ?, ?) on conflict (window_id) do update set case_id = excluded.case_id, requested_by = excluded.requested_by, requested_at = excluded.requested_at',
      [windowId, caseId, user.id, at],
    );
    return { windowId, caseId, caseNumber: record.number };
  });
}

/** What the window's evaluator should show now: the case handed to it, if any. */
export async function pendingEvaluation(deps: SupervisionDeps, windowId: string): Promise<{ caseId: string; caseNumber: string; itemName: string; requestedAt: string } | null> {
  const row = await deps.db('evaluation_requests as q').join('cases as c', 'c.id', 'q.case_id').where('q.window_id', windowId).first('q.case_id', 'q.requested_at', 'c.number', 'c.item_code');
  return row ? { caseId: row.case_id, caseNumber: row.number, itemName: deps.itemName(row.item_code), requestedAt: row.requested_at } : null;
}

export interface EvaluationQuery extends PageQuery {
  orgId?: string;
  level?: number;
  channel?: EvaluationChannel;
  caseId?: string;
  /** Dates (YYYY-MM-DD, Asia/Shanghai), both included. */
  from?: string;
  to?: string;
}

export interface EvaluationSummary {
  caseId: string;
  caseNumber: string;
  itemName: string;
  level: number;
  label: string;
  reasons: string[];
  dimensions: Record<string, number> | null;
  comment: string | null;
  channel: string;
  channelLabel: string;
  realName: boolean;
  org: { id: string; name: string };
  window: { id: string; name: string } | null;
  staff: { id: string; name: string } | null;
  createdAt: string;
}

/** A page of evaluations in the user's scope, newest first (keyset on time and case). */
export async function listEvaluations(deps: SupervisionDeps, user: StaffUser, query: EvaluationQuery): Promise<{ items: EvaluationSummary[]; nextCursor: string | null }> {
  const scope = deps.orgs.scope(user.orgId);
  if (query.orgId && !scope.has(query.orgId)) throw new AppError('ORG_NOT_FOUND');
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, 2);
  const rows = await scopedPage<Record<string, any>>(
    deps.db,
    query.orgId ? [...deps.orgs.scope(query.orgId)] : [...scope],
    (orgIds) =>
      deps.db('evaluations as e')
        .join('cases as c', 'c.id', 'e.case_id')
        .leftJoin('windows as w', 'w.id', 'e.window_id')
        .leftJoin('users as u', 'u.id', 'e.staff_id')
        .select('e.*', 'c.number as case_number', 'w.name as window_name', 'u.name as staff_name')
        .whereIn('e.org_id', orgIds as string[])
        .modify((b) => {
          if (query.level) b.where('e.level', query.level);
          if (query.channel) b.where('e.channel', query.channel);
          if (query.caseId) b.where('e.case_id', query.caseId);
          // By time, not by day: the (org_id, created_at) index gives the range and the order.
          if (query.from) b.where('e.created_at', '>=', startOfShanghaiDay(query.from).toISOString());
          if (query.to) b.where('e.created_at', '<', startOfShanghaiDay(addCalendarDays(query.to, 1)).toISOString());
          if (after) b.where((w) => w.where('e.created_at', '<', after[0]!).orWhere((x) => x.where('e.created_at', after[0]!).andWhere('e.case_id', '<', after[1]!)));
        }),
    [{ column: 'e.created_at', order: 'desc' }, { column: 'e.case_id', order: 'desc' }],
    limit + 1,
  );
  const page = pageOf(rows, limit, (r) => [r.created_at, r.case_id]);
  return {
    items: page.items.map((r) => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemName: deps.itemName(r.item_code),
      level: Number(r.level),
      label: levelLabel(Number(r.level)),
      reasons: (readJson<string[] | null>(r.reasons) ?? []).map((code) => BAD_REASONS.find((b) => b.code === code)?.label ?? code),
      dimensions: r.dimensions ? readJson<Record<string, number>>(r.dimensions) : null,
      comment: r.comment,
      channel: r.channel,
      channelLabel: EVALUATION_CHANNELS.find((c) => c.code === r.channel)?.label ?? r.channel,
      realName: Boolean(r.real_name),
      org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id },
      window: r.window_id ? { id: r.window_id, name: r.window_name } : null,
      staff: r.staff_id ? { id: r.staff_id, name: r.staff_name } : null,
      createdAt: r.created_at,
    })),
    nextCursor: page.nextCursor,
  };
}

