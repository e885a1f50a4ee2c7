// The deadlines of a case live in the `deadlines` table, derived after every step from the case's
// state and clock; the sweeper fires them. Fired rows stay as the case's record of flags.
import { endOfShanghaiDay, oneTimeNoticeDeadline, shanghaiDateOf, addCalendarDays, startOfShanghaiDay, type WorkingCalendar } from '../calendar/index.ts';
import type { ProcedureKind } from '@bianmin/contract';
import type { Sql } from '../store/index.ts';
import type { CaseRecord } from './case-record.ts';

export type DeadlineKind = 'correction' | 'deemed-acceptance' | 'promised-warning' | 'promised-overdue' | 'immediate-target' | 'publicity-end';

export interface DesiredDeadline {
  kind: DeadlineKind;
  dueAt: string;
  eventType: string | null;
}

export interface DeadlineFacts {
  record: CaseRecord;
  kind: ProcedureKind;
  targetMinutes: number;
  /** Materials were missing when the case was received (art. 32 applies). */
  incompleteAtReception: boolean;
  oneTimeNoticeIssued: boolean;
  dueAt: string | null;
  paused: boolean;
  /** The case is in a publicity step (公示) of `days` working days that began at `from`. */
  publicity?: { from: string; days: number };
}

/** Start of the last working day before the due date: from then on at most one working day is left. */
function warningTime(calendar: WorkingCalendar, dueAt: string): string {
  let day = shanghaiDateOf(new Date(dueAt));
  do day = addCalendarDays(day, -1);
  while (!calendar.isWorkingDay(day));
  return startOfShanghaiDay(day).toISOString();
}

export function desiredDeadlines(calendar: WorkingCalendar, f: DeadlineFacts): DesiredDeadline[] {
  const { record } = f;
  if (!record.open) return [];
  const top = record.state.split('.')[0];
  const out: DesiredDeadline[] = [];
  if (top === 'correcting' && record.clock.correctionDueAt) {
    out.push({ kind: 'correction', dueAt: record.clock.correctionDueAt, eventType: 'CORRECTION_EXPIRED' });
  }
  if (top === 'received' && f.incompleteAtReception && !f.oneTimeNoticeIssued && !record.acceptedAt) {
    out.push({ kind: 'deemed-acceptance', dueAt: endOfShanghaiDay(shanghaiDateOf(oneTimeNoticeDeadline(calendar, new Date(record.receivedAt)))).toISOString(), eventType: null });
  }
  if (f.dueAt && !f.paused && !record.clock.stoppedAt) {
    out.push({ kind: 'promised-warning', dueAt: warningTime(calendar, f.dueAt), eventType: null });
    out.push({ kind: 'promised-overdue', dueAt: f.dueAt, eventType: null });
  }
  if (f.publicity) {
    // 公示 of N working days ends with the Nth working day after the day it began (行政许可法 art. 45).
    out.push({ kind: 'publicity-end', dueAt: calendar.dueAt(new Date(f.publicity.from), f.publicity.days).toISOString(), eventType: 'PUBLICITY_ENDED' });
  }
  if (f.kind === 'immediate') {
    out.push({ kind: 'immediate-target', dueAt: new Date(Date.parse(record.receivedAt) + f.targetMinutes * 60_000).toISOString(), eventType: null });
  }
  return out;
}

export interface DeadlineRow {
  kind: string;
  due_at: string;
  fired_at: string | null;
}

/** What a step changes in a case's unfired deadlines, and the case's rows as they are after it. */
export interface DeadlineChanges {
  remove: string[];
  move: { kind: string; dueAt: string }[];
  add: DesiredDeadline[];
  /** The case's rows after the change, ordered by due time, as the case view lists them. */
  after: DeadlineRow[];
}

/**
 * Makes the unfired deadlines of a case equal to `desired`, given its `rows` as they stand (read
 * with the case); fired ones are history and stay.
 */
export function planDeadlines(rows: readonly DeadlineRow[], desired: readonly DesiredDeadline[]): DeadlineChanges {
  const wanted = new Map(desired.map((d) => [d.kind, d]));
  const remove: string[] = [];
  const move: DeadlineChanges['move'] = [];
  for (const row of rows) {
    if (row.fired_at) continue;
    const want = wanted.get(row.kind as DeadlineKind);
    if (!want) remove.push(row.kind);
    else if (want.dueAt !== row.due_at) move.push({ kind: row.kind, dueAt: want.dueAt });
  }
  const add = desired.filter((want) => !rows.some((r) => r.kind === want.kind));
  const fired = rows.filter((r) => r.fired_at);
  // One row per kind: a kind that already fired is not set again.
  const open = desired.filter((d) => !fired.some((f) => f.kind === d.kind)).map((d) => ({ kind: d.kind, due_at: d.dueAt, fired_at: null }));
  const after = [...fired, ...open].sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : 0));
  return { remove, move, add, after };
}

export async function writeDeadlines(sql: Sql, caseId: string, changes: DeadlineChanges, now: string): Promise<void> {
  for (const kind of changes.remove) await sql.run('delete from deadlines where case_id = ? and kind = ? and fired_at is null', [caseId, kind]);
  for (const { kind, dueAt } of changes.move) await sql.run('update deadlines set due_at = ? where case_id = ? and kind = ? and fired_at is null', [dueAt, caseId, kind]);
  // One statement for all new rows: on PostgreSQL each statement is a round trip.
  if (changes.add.length > 0) {
    await sql.run(
      `insert into deadlines (case_id, kind, due_at, event_type, created_at) values ${changes.add.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      changes.add.flatMap((want) => [caseId, want.kind, want.dueAt, want.eventType, now]),
    );
  }
}
