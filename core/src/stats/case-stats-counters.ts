// The counters of `case_stats_daily` (migration 0050), one column each.
export const CASE_STATS_COUNTERS = [
  'received', 'accepted', 'concluded', 'refused', 'referred', 'withdrawn', 'agent',
  'timed', 'on_time', 'immediate_concluded', 'immediate_within', 'work_days_sum', 'work_days_n',
] as const;

export type CaseCounter = (typeof CASE_STATS_COUNTERS)[number];
export type CaseCounts = Record<CaseCounter, number>;

export const zeroCounts = (): CaseCounts => Object.fromEntries(CASE_STATS_COUNTERS.map((c) => [c, 0])) as CaseCounts;

export function addCounts(into: CaseCounts, from: CaseCounts): CaseCounts {
  for (const c of CASE_STATS_COUNTERS) into[c] += from[c];
  return into;
}
