// The queue's figures kept as things happen (queue_daily, migration 0061): each booking, visit,
// ticket, call and finish adds to its day's row for the organisation, category and item, in its own
// transaction. Waiting and handling times are kept as sums and counts, so a period's means are sums
// over (days × categories × items) rows — never a scan of the tickets.
import type { Sql } from '../store/index.ts';

export const QUEUE_COUNTERS = [
  'booked', 'booked_online', 'booked_phone', 'booked_on_site', 'booked_extended', 'visits', 'visits_done', 'cancelled', 'checked_in', 'no_shows',
  'tickets', 'tickets_green', 'tickets_appointment', 'called', 'served', 'served_extended', 'ticket_no_shows', 'transferred',
  'wait_seconds', 'waits', 'waits_over', 'handle_seconds', 'handled',
] as const;
export type QueueCounter = (typeof QUEUE_COUNTERS)[number];

export interface QueueDailyKey {
  day: string;
  orgId: string;
  category: string;
  itemCode: string | null;
}

export async function addToQueueDaily(sql: Sql, key: QueueDailyKey, counts: Partial<Record<QueueCounter, number>>): Promise<void> {
  const entries = Object.entries(counts).filter(([, n]) => n !== 0) as [QueueCounter, number][];
  if (entries.length === 0) return;
  const columns = entries.map(([c]) => c);
  await sql.run(
    `insert into queue_daily (day, org_id, category, item_code, ${columns.join(', ')}) values (?, ?, ?, ?, ${columns.map(() => '?').join(', ')})
     on conflict (org_id, day, category, item_code) do update set ${columns.map((c) => `${c} = queue_daily.${c} + excluded.${c}`).join(', ')}`,
    [key.day, key.orgId, key.category, key.itemCode ?? '', ...entries.map(([, n]) => n)],
  );
}
