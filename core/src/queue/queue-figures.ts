// The queue's figures for a period, from the daily rows (queue_daily): appointments by channel,
// visits, no-shows, tickets, calls, the mean waiting (ticket → call) and handling (start → finish)
// minutes, the waits over the warning threshold and the tickets served in the extended hours.
// Cost: (days × categories × items) rows of the organisations asked for — never the tickets.
import { AppError } from '../errors/index.ts';
import { placeholders, withSql } from '../store/index.ts';
import { QUEUE_COUNTERS, type QueueCounter } from './queue-daily.ts';
import type { QueueDeps, QueueUser } from './queue-deps.ts';

export type QueueGroupBy = 'org' | 'day' | 'category' | 'item';

export interface QueueFigures {
  key: string;
  label: string;
  counts: Record<QueueCounter, number>;
  meanWaitMinutes: number | null;
  meanHandleMinutes: number | null;
  /** Share of called tickets whose wait passed the organisation's threshold. */
  overThresholdRate: number | null;
}

const COLUMN: Record<QueueGroupBy, string> = { org: 'org_id', day: 'day', category: 'category', item: 'item_code' };

export async function queueFigures(
  deps: QueueDeps,
  user: QueueUser,
  q: { orgId?: string; from: string; to: string; groupBy?: QueueGroupBy },
): Promise<{ from: string; to: string; total: QueueFigures; groups: QueueFigures[] }> {
  const root = q.orgId ?? user.orgId;
  if (!deps.orgs.get(root) || !deps.orgs.scope(user.orgId).has(root)) throw new AppError('ORG_NOT_FOUND');
  if (q.from > q.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ pointer: '/from', message: '开始日期晚于结束日期' }]);
  const orgIds = [...deps.orgs.scope(root)];
  const groupBy = q.groupBy ?? 'org';
  const sums = QUEUE_COUNTERS.map((c) => `sum(${c}) as ${c}`).join(', ');
  const rows = await withSql(deps.db, (sql) =>
    sql.all<Record<string, unknown>>(
      `select ${COLUMN[groupBy]} as k, ${sums} from queue_daily where org_id in ${placeholders(orgIds.length)} and day >= ? and day <= ? group by ${COLUMN[groupBy]} order by ${COLUMN[groupBy]}`,
      [...orgIds, q.from, q.to],
    ),
  );
  const figures = (key: string, counts: Record<QueueCounter, number>): QueueFigures => ({
    key,
    label: groupBy === 'org' ? (deps.orgs.get(key)?.name ?? key) : groupBy === 'item' ? (key ? (deps.itemName(key) ?? key) : '（按类别取号）') : key,
    counts,
    meanWaitMinutes: counts.waits > 0 ? Math.round((counts.wait_seconds / counts.waits / 60) * 10) / 10 : null,
    meanHandleMinutes: counts.handled > 0 ? Math.round((counts.handle_seconds / counts.handled / 60) * 10) / 10 : null,
    overThresholdRate: counts.waits > 0 ? Math.round((counts.waits_over / counts.waits) * 1000) / 1000 : null,
  });
  const total = Object.fromEntries(QUEUE_COUNTERS.map((c) => [c, 0])) as Record<QueueCounter, number>;
  const groups = rows.map((r) => {
    const counts = Object.fromEntries(QUEUE_COUNTERS.map((c) => [c, Number(r[c] ?? 0)])) as Record<QueueCounter, number>;
    for (const c of QUEUE_COUNTERS) total[c] += counts[c];
    return figures(String(r.k ?? ''), counts);
  });
  return { from: q.from, to: q.to, total: { ...figures(root, total), key: 'total', label: '合计' }, groups };
}
