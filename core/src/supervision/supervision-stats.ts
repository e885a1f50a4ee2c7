// Supervision's rates for a period, per organisation, window, member of staff or item, summed from
// the rollup rows kept as things happen (rollups.ts) — the cost of (days × groups) rows, never of
// the history: 好评率, 差评数, 整改率 (and on time), 实名差评回访整改率 (seed 003 township item 42,
// target 100 %), 回访满意率, complaints and confirmed complaints (seed 000 成效 4, 附则 1).
import { shanghaiDateOf } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { ROLLUP_COUNTERS, type RollupCounter } from './rollups.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';

export const STATS_GROUPS = { org: 'org_id', window: 'window_id', staff: 'staff_id', item: 'item_code' } as const;
export type StatsGroup = keyof typeof STATS_GROUPS;

export interface SupervisionRates {
  evaluations: number;
  good: number;
  /** 差评数: bad evaluations less those annulled on appeal. */
  bad: number;
  goodRate: number | null;
  rectified: number;
  rectificationRate: number | null;
  rectifiedOnTimeRate: number | null;
  realNameBad: number;
  realNameRectifiedCalledBack: number;
  /** 实名差评回访整改率. */
  realNameRate: number | null;
  callbacks: number;
  callbacksSatisfied: number;
  callbacksDissatisfied: number;
  callbacksUnreached: number;
  /** 回访满意率: satisfied of the calls that reached someone. */
  callbackSatisfactionRate: number | null;
  complaints: number;
  complaintsConfirmed: number;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export function ratesOf(c: Record<RollupCounter, number>): SupervisionRates {
  const bad = c.bad - c.bad_annulled;
  const realNameBad = c.real_name_bad - c.real_name_annulled;
  return {
    evaluations: c.evaluations,
    good: c.good,
    bad,
    goodRate: ratio(c.good, c.evaluations),
    rectified: c.bad_closed,
    rectificationRate: ratio(c.bad_closed, bad),
    rectifiedOnTimeRate: ratio(c.bad_closed_on_time, bad),
    realNameBad,
    realNameRectifiedCalledBack: c.real_name_closed_called_back,
    realNameRate: ratio(c.real_name_closed_called_back, realNameBad),
    callbacks: c.callbacks,
    callbacksSatisfied: c.callbacks_satisfied,
    callbacksDissatisfied: c.callbacks_dissatisfied,
    callbacksUnreached: c.callbacks_unreached,
    callbackSatisfactionRate: ratio(c.callbacks_satisfied, c.callbacks_satisfied + c.callbacks_dissatisfied),
    complaints: c.complaints,
    complaintsConfirmed: c.complaints_confirmed,
  };
}

export interface StatsQuery {
  orgId?: string;
  from?: string;
  to?: string;
  groupBy?: StatsGroup;
}

export interface StatsRow extends SupervisionRates {
  key: string;
  name: string;
}

/** Dates default to the current month so far. */
export function statsPeriod(now: Date, q: { from?: string; to?: string }): { from: string; to: string } {
  const today = shanghaiDateOf(now);
  const period = { from: q.from ?? `${today.slice(0, 7)}-01`, to: q.to ?? today };
  if (period.from > period.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ pointer: '/from', message: '晚于结束日期' }]);
  return period;
}

export async function supervisionStats(deps: SupervisionDeps, user: StaffUser, q: StatsQuery): Promise<{ orgId: string; from: string; to: string; groupBy: StatsGroup; total: SupervisionRates; rows: StatsRow[] }> {
  const orgId = q.orgId ?? user.orgId;
  if (!deps.orgs.get(orgId) || !deps.orgs.scope(user.orgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  const { from, to } = statsPeriod(deps.now(), q);
  const groupBy = q.groupBy ?? 'org';
  const column = STATS_GROUPS[groupBy];
  const rows = (await deps.db('supervision_daily')
    .whereIn('org_id', [...deps.orgs.scope(orgId)])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(column)
    .select({ key: column }, ...ROLLUP_COUNTERS.map((c) => deps.db.raw(`sum(${c}) as ${c}`)))) as Record<string, unknown>[];
  const counts = rows.map((r) => ({ key: String(r.key), c: Object.fromEntries(ROLLUP_COUNTERS.map((k) => [k, Number(r[k] ?? 0)])) as Record<RollupCounter, number> }));
  const total = Object.fromEntries(ROLLUP_COUNTERS.map((k) => [k, counts.reduce((s, r) => s + r.c[k], 0)])) as Record<RollupCounter, number>;
  const names = await namesFor(deps, groupBy, counts.map((r) => r.key));
  return {
    orgId,
    from,
    to,
    groupBy,
    total: ratesOf(total),
    rows: counts
      .map((r) => ({ key: r.key, name: names.get(r.key) ?? (r.key === '' ? '（未记录）' : r.key), ...ratesOf(r.c) }))
      .sort((a, b) => b.evaluations - a.evaluations || a.name.localeCompare(b.name)),
  };
}

async function namesFor(deps: SupervisionDeps, groupBy: StatsGroup, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter(Boolean);
  switch (groupBy) {
    case 'org':
      return new Map(ids.map((id) => [id, deps.orgs.get(id)?.name ?? id]));
    case 'item':
      return new Map(ids.map((id) => [id, deps.itemName(id)]));
    case 'window': {
      const rows = ids.length ? await deps.db('windows').whereIn('id', ids).select('id', 'name', 'org_id') : [];
      return new Map(rows.map((w: { id: string; name: string; org_id: string }) => [w.id, `${deps.orgs.get(w.org_id)?.name ?? ''} ${w.name}`.trim()]));
    }
    case 'staff': {
      const rows = ids.length ? await deps.db('users').whereIn('id', ids).select('id', 'name') : [];
      return new Map(rows.map((u: { id: string; name: string }) => [u.id, u.name]));
    }
  }
}
