// A month's volume indicators against the seeds' thresholds (report-thresholds.ts): for the
// organisation itself when the threshold judges its level, and for a township or the county how
// many of the organisations below fall short — the year so far up to the end of the month.
import type { Knex } from 'knex';
import type { Level } from '@bianmin/contract';
import { VOLUME_THRESHOLDS, type VolumeThreshold } from './report-thresholds.ts';
import type { StatsDeps } from './stats-deps.ts';

export interface Indicator {
  code: string;
  label: string;
  target: number;
  measure: VolumeThreshold['measure'];
  source: VolumeThreshold['source'];
  /** The organisation's own value: the monthly average so far, or the year so far and its projection. */
  value: number | null;
  projected: number | null;
  met: boolean | null;
  /** Points the source deducts for the shortfall (每少 5% 扣 2分). */
  deduction: number | null;
  /** For a township or the county: the organisations below judged by it, and those short of it. */
  judged: number | null;
  short: { id: string; name: string; value: number }[] | null;
}

/** The value of one organisation: its monthly average of the year so far, or its year so far. */
function judge(t: VolumeThreshold, received: number, months: number) {
  if (t.measure === 'monthly-average') {
    const value = Math.round((received / months) * 100) / 100;
    const shortfall = value >= t.target ? 0 : (t.target - value) / t.target;
    const deduction = t.deduction ? Math.floor(shortfall / t.deduction.per + 1e-9) * t.deduction.points : null;
    return { value, projected: null, met: value >= t.target, deduction };
  }
  const projected = Math.round((received / months) * 12);
  return { value: received, projected, met: projected >= t.target, deduction: null };
}

/** Received per organisation from the first of the year to the end of `month` (day rows; one query). */
async function yearToDate(db: Knex, scope: string[], month: string): Promise<Map<string, number>> {
  const rows = (await db('case_stats_daily')
    .whereIn('org_id', scope)
    .where('day', '>=', `${month.slice(0, 4)}-01-01`)
    .where('day', '<=', `${month}-31`)
    .groupBy('org_id')
    .select('org_id', db.raw('sum(received) as n'))) as { org_id: string; n: number | string }[];
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}

export async function volumeIndicators(deps: StatsDeps, orgId: string, month: string): Promise<Indicator[]> {
  const org = deps.orgs.get(orgId)!;
  const months = Number(month.slice(5, 7));
  const scope = [...deps.orgs.scope(orgId)];
  const received = await yearToDate(deps.db, scope, month);
  // A township's volume is its own counter's and its villages' (便民服务中心 counts the relays it receives).
  const subtree = (id: string) => [...deps.orgs.scope(id)].reduce((s, o) => s + (received.get(o) ?? 0), 0);
  const own = (level: Level, id: string) => (level === 'village' ? (received.get(id) ?? 0) : subtree(id));
  return VOLUME_THRESHOLDS.map((t) => {
    const self = org.level === t.level ? judge(t, own(t.level, org.id), months) : null;
    const below = org.level === t.level ? [] : deps.orgs.all().filter((o) => o.level === t.level && scope.includes(o.id));
    const short = below
      .map((o) => ({ id: o.id, name: o.name, ...judge(t, own(t.level, o.id), months) }))
      .filter((j) => !j.met)
      // The furthest short first.
      .sort((a, b) => a.value - b.value || a.name.localeCompare(b.name, 'zh-CN'))
      .map((j) => ({ id: j.id, name: j.name, value: j.value }));
    return {
      code: t.code,
      label: t.label,
      target: t.target,
      measure: t.measure,
      source: t.source,
      value: self?.value ?? null,
      projected: self?.projected ?? null,
      met: self?.met ?? null,
      deduction: self?.deduction ?? null,
      judged: self ? null : below.length,
      short: self ? null : short,
    };
  }).filter((i) => i.value !== null || (i.judged ?? 0) > 0);
}
