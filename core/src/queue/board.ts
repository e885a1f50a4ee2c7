// The lobby screen (大厅叫号屏): each window with its state and the number at it, the last calls
// (announced in text, and by speech where the browser has it), and how many wait per category.
// Costs the organisation's windows, ten calls and one grouped count over the waiting-ticket index.
import { shanghaiDateOf } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { withSql } from '../store/index.ts';
import type { QueueDeps } from './queue-deps.ts';
import { readQueueSettings } from './queue-settings.ts';
import { listWindowStates } from './tickets.ts';

export interface Board {
  org: { id: string; name: string };
  at: string;
  windows: { id: string; name: string; status: 'open' | 'paused'; reason: string | null; current: { number: string; status: string } | null }[];
  calls: { number: string; windowName: string; at: string; recall: boolean }[];
  waiting: { total: number; categories: { code: string; name: string; prefix: string; waiting: number }[] };
}

export async function readBoard(deps: QueueDeps, orgId: string): Promise<Board> {
  const org = deps.orgs.get(orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const now = deps.now();
  const windows = await listWindowStates(deps, null, org.id);
  return withSql(deps.db, async (sql) => {
    const { settings } = await readQueueSettings(sql, org.id);
    const calls = await sql.all<{ number: string; window_name: string; at: string; recall: unknown }>(
      'select number, window_name, at, recall from queue_calls where org_id = ? and at >= ? order by id desc limit 10',
      [org.id, new Date(now.getTime() - 12 * 3600_000).toISOString()],
    );
    const counts = await sql.all<{ category: string; n: number | string }>(
      "select category, count(*) as n from queue_tickets where org_id = ? and status = 'waiting' and day = ? group by category",
      [org.id, shanghaiDateOf(now)],
    );
    const byCategory = new Map(counts.map((c) => [c.category, Number(c.n)]));
    return {
      org: { id: org.id, name: org.name },
      at: now.toISOString(),
      windows: windows.map((w) => ({ id: w.id, name: w.name, status: w.status, reason: w.reason, current: w.current ? { number: w.current.number, status: w.current.status } : null })),
      calls: calls.map((c) => ({ number: c.number, windowName: c.window_name, at: c.at, recall: Boolean(c.recall) })),
      waiting: {
        total: [...byCategory.values()].reduce((a, b) => a + b, 0),
        categories: settings.categories.map((c) => ({ code: c.code, name: c.name, prefix: c.prefix, waiting: byCategory.get(c.code) ?? 0 })),
      },
    };
  });
}
