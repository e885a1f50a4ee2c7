// When an admin records (or edits) a year's schedule, the open cases whose due date reaches that
// year get their dates from it: the stored due date, the queue's order and light, the provisional
// mark and the unfired warning/overdue deadlines. Not a loop of engine steps (no history row: the
// case did not move, its calendar did) but one UPDATE of the cases and one of their deadlines, each
// joining the recomputed rows passed as one JSON parameter, in one transaction.
//
// Only the open cases due on or after 1 January of the year can change (a walk that ends before
// the year never read its days); they are a range of the queue index (`queue_key`, open cases by
// due instant). A case that took a step meanwhile keeps what its step wrote: its step already
// counted over the new calendar (`version` must be the one read).
import { addCalendarDays, shanghaiDateOf, startOfShanghaiDay, type WorkingCalendar } from '../calendar/index.ts';
import { readJson, transact, type Sql } from '../store/index.ts';
import { readClock, type CaseClock } from './case-clock.ts';
import { CLOSED_FROM, openDueFrom, queueKey } from './queue-columns.ts';

interface OpenRow {
  id: string;
  received_at: string;
  due_at: string | null;
  due_provisional: boolean | number;
  clock: unknown;
  settings: unknown;
  version: number | string;
}

interface Recomputed {
  id: string;
  version: number;
  dueAt: string;
  warningAt: string;
  queueKey: string;
  provisional: boolean;
}

/** Start of the last working day before the due day (case-deadlines.ts' warning time). */
function warningAt(calendar: WorkingCalendar, dueAt: string): string {
  let day = shanghaiDateOf(new Date(dueAt));
  do day = addCalendarDays(day, -1);
  while (!calendar.isWorkingDay(day));
  return startOfShanghaiDay(day).toISOString();
}

// The rows as a relation: SQLite reads the JSON array with json_each, PostgreSQL with json_to_recordset.
const SQLITE_ROWS = `(select json_extract(value, '$.id') as id, json_extract(value, '$.version') as version, json_extract(value, '$.dueAt') as due_at,
  json_extract(value, '$.warningAt') as warning_at, json_extract(value, '$.queueKey') as queue_key, json_extract(value, '$.provisional') as provisional from json_each(?)) r`;
const PG_ROWS = `json_to_recordset(?::json) as r(id text, version integer, "dueAt" text, "warningAt" text, "queueKey" text, provisional boolean)`;

function statements(sql: Sql) {
  if (sql.dialect === 'pg') {
    return {
      cases: `update cases set due_at = r."dueAt", queue_due_at = r."dueAt", queue_key = r."queueKey", due_provisional = r.provisional from ${PG_ROWS} where cases.id = r.id and cases.version = r.version`,
      deadlines: `update deadlines set due_at = case deadlines.kind when 'promised-overdue' then r."dueAt" else r."warningAt" end from ${PG_ROWS}, cases c
        where deadlines.case_id = r.id and c.id = r.id and c.version = r.version and deadlines.kind in ('promised-warning', 'promised-overdue') and deadlines.fired_at is null`,
    };
  }
  return {
    cases: `update cases set due_at = r.due_at, queue_due_at = r.due_at, queue_key = r.queue_key, due_provisional = r.provisional from ${SQLITE_ROWS} where cases.id = r.id and cases.version = r.version`,
    deadlines: `update deadlines set due_at = case deadlines.kind when 'promised-overdue' then r.due_at else r.warning_at end from ${SQLITE_ROWS}, cases c
      where deadlines.case_id = r.id and c.id = r.id and c.version = r.version and deadlines.kind in ('promised-warning', 'promised-overdue') and deadlines.fired_at is null`,
  };
}

/**
 * Recomputes the dates of the open cases due on or after 1 January of `year` over `calendar` (which
 * holds the year as now recorded). Returns how many cases got new dates.
 */
export async function recomputeDueDates(db: Parameters<typeof transact>[0], calendar: WorkingCalendar, year: number, now: Date): Promise<number> {
  return transact(db, async (sql) => {
    const from = openDueFrom(startOfShanghaiDay(`${year}-01-01`));
    const rows = await sql.all<OpenRow>(
      'select id, received_at, due_at, due_provisional, clock, settings, version from cases where queue_key >= ? and queue_key < ? and due_at is not null',
      [from, CLOSED_FROM],
    );
    const changed: Recomputed[] = [];
    for (const row of rows) {
      const promisedDays = readJson<{ promisedDays?: number | null }>(row.settings).promisedDays ?? null;
      const reading = readClock(calendar, readJson<CaseClock>(row.clock), promisedDays, now);
      if (!reading.dueAt) continue;
      if (reading.dueAt === row.due_at && reading.provisional === Boolean(row.due_provisional)) continue;
      changed.push({
        id: row.id,
        version: Number(row.version),
        dueAt: reading.dueAt,
        warningAt: warningAt(calendar, reading.dueAt),
        queueKey: queueKey({ id: row.id, open: true, receivedAt: row.received_at, closedAt: null, queueDueAt: reading.dueAt }),
        provisional: reading.provisional,
      });
    }
    if (changed.length === 0) return 0;
    const { cases, deadlines } = statements(sql);
    const json = JSON.stringify(sql.dialect === 'pg' ? changed : changed.map((c) => ({ ...c, provisional: c.provisional ? 1 : 0 })));
    const updated = await sql.run(cases, [json]);
    await sql.run(deadlines, [json]);
    return updated;
  });
}
