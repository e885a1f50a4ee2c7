// Supervision's statistics kept as things happen (migration 0045): each write adds to the counters
// of its rollup row — the day (Asia/Shanghai) of what it counts, the organisation, window, staff and
// item it judges — in its own transaction. A period's rates are sums over those rows.
import { shanghaiDateOf } from '../calendar/index.ts';
import type { Sql } from '../store/index.ts';

export const ROLLUP_COUNTERS = [
  'evaluations', 'good', 'bad', 'bad_annulled', 'bad_closed', 'bad_closed_on_time', 'real_name_bad', 'real_name_annulled', 'real_name_closed_called_back',
  'callbacks', 'callbacks_satisfied', 'callbacks_dissatisfied', 'callbacks_unreached', 'complaints', 'complaints_confirmed',
] as const;

export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

export interface RollupKey {
  day: string;
  orgId: string;
  windowId: string | null;
  staffId: string | null;
  itemCode: string | null;
}

export function dayOf(at: Date): string {
  return shanghaiDateOf(at);
}

/** Adds `counts` to the key's row (created at zero when missing). */
export async function addToRollup(sql: Sql, key: RollupKey, counts: Partial<Record<RollupCounter, number>>): Promise<void> {
  const entries = Object.entries(counts).filter(([, n]) => n !== 0) as [RollupCounter, number][];
  if (entries.length === 0) return;
  const columns = entries.map(([c]) => c);
  await sql.run(
    `insert into supervision_daily (day, org_id, window_id, staff_id, item_code, ${columns.join(', ')}) values (?, ?, ?, ?, ?, ${columns.map(() => '?').join(', ')})
     on conflict (org_id, day, window_id, staff_id, item_code) do update set ${columns.map((c) => `${c} = supervision_daily.${c} + excluded.${c}`).join(', ')}`,
    [key.day, key.orgId, key.windowId ?? '', key.staffId ?? '', key.itemCode ?? '', ...entries.map(([, n]) => n)],
  );
}
