// The counts of a period for an organisation and everything below it, grouped by child
// organisation (rolled up: a township's row holds its villages), item, department, kind, channel,
// staff, day or month — read from the day rows the fold keeps (fold-case-events.ts), the
// supervision rollups (好评率, 整改率) and, for what is overdue now, the queue's index: the cost of
// (days × groups) rows, never a scan of the cases.
import type { Knex } from 'knex';
import { addCalendarDays, shanghaiDateOf } from '../calendar/index.ts';
import { openDueFrom } from '../cases/index.ts';
import { AppError } from '../errors/index.ts';
import { ROLLUP_COUNTERS, ratesOf, type RollupCounter } from '../supervision/index.ts';
import { addCounts, CASE_STATS_COUNTERS, zeroCounts, type CaseCounts } from './case-stats-counters.ts';
import { foldCaseEvents, unfoldedCounts, type DayKey } from './fold-case-events.ts';
import type { StatsDeps } from './stats-deps.ts';

export const CASE_STATS_GROUPS = ['org', 'item', 'department', 'kind', 'channel', 'staff', 'day', 'month'] as const;
export type CaseStatsGroup = (typeof CASE_STATS_GROUPS)[number];

export const CHANNEL_NAMES: Readonly<Record<string, string>> = { window: '窗口', online: '网上', agent: '代办', 'self-service': '自助', bundle: '一件事' };
export const KIND_NAMES: Readonly<Record<string, string>> = { immediate: '即办件', promised: '承诺件', reported: '上报件', returned: '退办件' };

export interface CaseFigures {
  received: number;
  accepted: number;
  concluded: number;
  refused: number;
  referred: number;
  withdrawn: number;
  /** Concluded by the promised due date, of those concluded with one. */
  onTime: number;
  onTimeRate: number | null;
  immediateConcluded: number;
  immediateWithinTarget: number;
  immediateWithinTargetRate: number | null;
  /** Working days from acceptance to conclusion, on average. */
  meanWorkingDays: number | null;
  /** Open now and past the due date (or an immediate item's target); null where the grouping cannot say. */
  overdueOpen: number | null;
  /** 代办: taken in by a village station's agent. */
  agent: number;
  evaluations: number | null;
  good: number | null;
  goodRate: number | null;
  /** 整改率: bad evaluations rectified. */
  rectificationRate: number | null;
  /** Zero and null until the appointments and queue (issue 19) keep their tables. */
  appointments: number;
  meanWaitingMinutes: number | null;
}

export interface CaseStatsRow extends CaseFigures {
  key: string;
  name: string;
}

export interface CaseStatsQuery {
  orgId?: string;
  from?: string;
  to?: string;
  groupBy?: CaseStatsGroup;
}

export interface CaseStats {
  org: { id: string; name: string; level: string };
  from: string;
  to: string;
  groupBy: CaseStatsGroup;
  total: CaseFigures;
  rows: CaseStatsRow[];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day per row: a range grouped by day is at most a year and a week. */
const MAX_DAY_ROWS = 372;

export function figuresOf(c: CaseCounts, overdueOpen: number | null, evaluation: Record<RollupCounter, number> | null): CaseFigures {
  const rates = evaluation ? ratesOf(evaluation) : null;
  return {
    received: c.received,
    accepted: c.accepted,
    concluded: c.concluded,
    refused: c.refused,
    referred: c.referred,
    withdrawn: c.withdrawn,
    onTime: c.on_time,
    onTimeRate: ratio(c.on_time, c.timed),
    immediateConcluded: c.immediate_concluded,
    immediateWithinTarget: c.immediate_within,
    immediateWithinTargetRate: ratio(c.immediate_within, c.immediate_concluded),
    meanWorkingDays: c.work_days_n > 0 ? Math.round((c.work_days_sum / c.work_days_n) * 100) / 100 : null,
    overdueOpen,
    agent: c.agent,
    evaluations: rates?.evaluations ?? null,
    good: rates?.good ?? null,
    goodRate: rates?.goodRate ?? null,
    rectificationRate: rates?.rectificationRate ?? null,
    appointments: 0,
    meanWaitingMinutes: null,
  };
}

/** The period asked for; the current month so far by default. */
export function statsPeriod(now: Date, q: { from?: string; to?: string }): { from: string; to: string } {
  const today = shanghaiDateOf(now);
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? today;
  if (!DAY.test(from)) throw new AppError('VALIDATION_FAILED', '开始日期格式应为 YYYY-MM-DD', [{ pointer: '/from', message: '日期格式应为 YYYY-MM-DD' }]);
  if (!DAY.test(to)) throw new AppError('VALIDATION_FAILED', '结束日期格式应为 YYYY-MM-DD', [{ pointer: '/to', message: '日期格式应为 YYYY-MM-DD' }]);
  if (from > to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ pointer: '/from', message: '晚于结束日期' }]);
  return { from, to };
}

/** The organisation a user asked for, within what they may see. */
export function scopedOrg(deps: StatsDeps, userOrgId: string, orgId: string | undefined) {
  const id = orgId ?? userOrgId;
  const org = deps.orgs.get(id);
  if (!org || !deps.orgs.scope(userOrgId).has(id)) throw new AppError('ORG_NOT_FOUND');
  return org;
}

/** Day rows of the period for the organisation's scope, summed per `column` of case_stats_daily. */
async function caseCounts(db: Knex, scope: string[], from: string, to: string, column: string): Promise<Map<string, CaseCounts>> {
  const rows = (await db('case_stats_daily')
    .whereIn('org_id', scope)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(db.raw(column))
    .select(db.raw(`${column} as k`), ...CASE_STATS_COUNTERS.map((c) => db.raw(`sum(${c}) as ${c}`)))) as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.k), Object.fromEntries(CASE_STATS_COUNTERS.map((c) => [c, Number(r[c] ?? 0)])) as CaseCounts]));
}

async function evaluationCounts(db: Knex, scope: string[], from: string, to: string, column: string): Promise<Map<string, Record<RollupCounter, number>>> {
  const rows = (await db('supervision_daily')
    .whereIn('org_id', scope)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(db.raw(column))
    .select(db.raw(`${column} as k`), ...ROLLUP_COUNTERS.map((c) => db.raw(`sum(${c}) as ${c}`)))) as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.k), Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, Number(r[c] ?? 0)])) as Record<RollupCounter, number>]));
}

/** Open cases past due now, per intake organisation (and item): ranges of the queue's index of intake. */
async function overdueCounts(deps: StatsDeps, db: Knex, scope: string[], byItem: boolean): Promise<Map<string, number>> {
  const columns = byItem ? ['intake_org_id', 'item_code'] : ['intake_org_id'];
  const rows = (await db('cases')
    .whereIn('intake_org_id', scope)
    .where('queue_key', '>=', '0')
    .where('queue_key', '<', openDueFrom(deps.now()))
    .groupBy(columns)
    .select(...columns, db.raw('count(*) as n'))) as { intake_org_id: string; item_code?: string; n: number | string }[];
  return new Map(rows.map((r) => [byItem ? `${r.intake_org_id}\u0000${r.item_code}` : r.intake_org_id, Number(r.n)]));
}

const emptyEvaluation = () => Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, 0])) as Record<RollupCounter, number>;

function addEvaluation(into: Record<RollupCounter, number>, from: Record<RollupCounter, number> | undefined) {
  if (from) for (const c of ROLLUP_COUNTERS) into[c] += from[c];
  return into;
}

/** Every day of the period, for a chart without gaps. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < MAX_DAY_ROWS; d = addCalendarDays(d as Parameters<typeof addCalendarDays>[0], 1)) days.push(d);
  return days;
}

export async function caseStats(deps: StatsDeps, user: { orgId: string }, q: CaseStatsQuery): Promise<CaseStats> {
  const org = scopedOrg(deps, user.orgId, q.orgId);
  const { from, to } = statsPeriod(deps.now(), q);
  const groupBy = q.groupBy ?? 'org';
  if (groupBy === 'day' && daysOf(from, to).length >= MAX_DAY_ROWS) {
    throw new AppError('VALIDATION_FAILED', '按日统计的期间不能超过一年', [{ pointer: '/to', message: '按日统计最长一年，请按月统计' }]);
  }
  // What has committed is counted before it is read.
  await foldCaseEvents(deps, { maxBatches: 20 });
  const scope = [...deps.orgs.scope(org.id)];

  // Each grouping: the column of the day rows it reads, and how a row's key maps to its group.
  const childOf = (orgId: string) => {
    const chain = deps.orgs.chain(orgId);
    const i = chain.findIndex((o) => o.id === org.id);
    return i <= 0 ? org.id : chain[i - 1]!.id;
  };
  const itemFacts = (code: string) => deps.item(code);
  // `column` of the day rows and the same value from a day row's key (DayKey).
  type Plan = { column: string; of: (k: DayKey) => string; evalColumn: string | null; group: (key: string) => string; overdue: 'org' | 'item' | null };
  const plan: Record<CaseStatsGroup, Plan> = {
    org: { column: 'org_id', of: (k) => k[0], evalColumn: 'org_id', group: childOf, overdue: 'org' },
    item: { column: 'item_code', of: (k) => k[2], evalColumn: 'item_code', group: (k) => k, overdue: 'item' },
    department: { column: 'item_code', of: (k) => k[2], evalColumn: 'item_code', group: (k) => itemFacts(k)?.department ?? '', overdue: 'item' },
    kind: { column: 'item_code', of: (k) => k[2], evalColumn: 'item_code', group: (k) => itemFacts(k)?.kind ?? '', overdue: 'item' },
    channel: { column: 'channel', of: (k) => k[3], evalColumn: null, group: (k) => k, overdue: null },
    staff: { column: 'staff_id', of: (k) => k[4], evalColumn: 'staff_id', group: (k) => k, overdue: null },
    day: { column: 'day', of: (k) => k[1], evalColumn: 'day', group: (k) => k, overdue: null },
    month: { column: 'substr(day, 1, 7)', of: (k) => k[1].slice(0, 7), evalColumn: 'substr(day, 1, 7)', group: (k) => k, overdue: null },
  };
  const p = plan[groupBy];
  // One snapshot for the folded rows and what is not folded yet, so a fold in between (another
  // server's) neither drops nor doubles an event.
  const { cases, evaluations, overdue } = await deps.db.transaction(
    async (trx) => {
      const cases = await caseCounts(trx, scope, from, to, p.column);
      const inScope = new Set(scope);
      for (const { key, counts } of await unfoldedCounts(deps, trx)) {
        if (!inScope.has(key[0]) || key[1] < from || key[1] > to) continue;
        const k = p.of(key);
        cases.set(k, addCounts(cases.get(k) ?? zeroCounts(), counts));
      }
      const evaluations = await evaluationCounts(trx, scope, from, to, p.evalColumn ?? 'org_id');
      const overdue = await overdueCounts(deps, trx, scope, p.overdue === 'item');
      return { cases, evaluations, overdue };
    },
    deps.db.client.config.client === 'pg' ? { isolationLevel: 'repeatable read', readOnly: true } : undefined,
  );

  const groups = new Map<string, { counts: CaseCounts; evaluation: Record<RollupCounter, number>; overdue: number }>();
  const groupFor = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { counts: zeroCounts(), evaluation: emptyEvaluation(), overdue: 0 }));
    return g;
  };
  if (groupBy === 'org') for (const child of deps.orgs.all().filter((o) => o.parentId === org.id)) groupFor(child.id);
  if (groupBy === 'day') for (const d of daysOf(from, to)) groupFor(d);
  if (groupBy === 'month') for (const d of daysOf(from, to)) if (d.endsWith('-01') || d === from) groupFor(d.slice(0, 7));
  for (const [key, counts] of cases) addCounts(groupFor(p.group(key)).counts, counts);
  if (p.evalColumn) for (const [key, counts] of evaluations) addEvaluation(groupFor(p.group(key)).evaluation, counts);
  let overdueTotal = 0;
  for (const [key, n] of overdue) {
    overdueTotal += n;
    if (!p.overdue) continue;
    const [orgId, item] = key.split('\u0000') as [string, string | undefined];
    groupFor(p.group(p.overdue === 'org' ? orgId : item!)).overdue += n;
  }

  const total = zeroCounts();
  const totalEvaluation = emptyEvaluation();
  for (const c of cases.values()) addCounts(total, c);
  for (const c of evaluations.values()) addEvaluation(totalEvaluation, c);
  const names = await namesFor(deps, groupBy, [...groups.keys()]);
  const rows = [...groups.entries()].map(([key, g]) => ({
    key,
    name: groupBy === 'org' && key === org.id ? `${org.name}（本级）` : (names.get(key) ?? (key === '' ? '（未记录）' : key)),
    ...figuresOf(g.counts, p.overdue ? g.overdue : null, p.evalColumn ? g.evaluation : null),
  }));
  const chronological = groupBy === 'day' || groupBy === 'month';
  rows.sort((a, b) => (chronological ? a.key.localeCompare(b.key) : b.received - a.received || a.name.localeCompare(b.name, 'zh-CN')));
  return { org: { id: org.id, name: org.name, level: org.level }, from, to, groupBy, total: figuresOf(total, overdueTotal, totalEvaluation), rows };
}

async function namesFor(deps: StatsDeps, groupBy: CaseStatsGroup, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter(Boolean);
  switch (groupBy) {
    case 'org':
      return new Map(ids.map((id) => [id, deps.orgs.get(id)?.name ?? id]));
    case 'item':
      return new Map(ids.map((id) => [id, deps.item(id)?.name ?? id]));
    case 'kind':
      return new Map(ids.map((id) => [id, KIND_NAMES[id] ?? id]));
    case 'channel':
      return new Map(ids.map((id) => [id, CHANNEL_NAMES[id] ?? id]));
    case 'staff': {
      const rows = ids.length ? await deps.db('users').whereIn('id', ids).select('id', 'name') : [];
      return new Map(rows.map((u: { id: string; name: string }) => [u.id, u.name]));
    }
    default:
      return new Map(ids.map((id) => [id, id]));
  }
}
