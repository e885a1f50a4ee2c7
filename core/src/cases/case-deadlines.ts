// The deadlines of a case live in the `deadlines` table, derived after every step from the case's
// state and clock; the sweeper fires them. Fired rows stay as the case's record of flags.
import type { Knex } from 'knex';
import { endOfShanghaiDay, oneTimeNoticeDeadline, shanghaiDateOf, addCalendarDays, startOfShanghaiDay, type WorkingCalendar } from '../calendar/index.ts';
import type { ProcedureKind } from '../contract/index.ts';
import type { CaseRecord } from './case-record.ts';

export type DeadlineKind = 'correction' | 'deemed-acceptance' | 'promised-warning' | 'promised-overdue' | 'immediate-target';

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
  if (f.kind === 'immediate') {
    out.push({ kind: 'immediate-target', dueAt: new Date(Date.parse(record.receivedAt) + f.targetMinutes * 60_000).toISOString(), eventType: null });
  }
  return out;
}

/** Makes the unfired deadlines of a case equal to `desired`; fired ones are history and stay. */
export async function syncDeadlines(trx: Knex.Transaction, caseId: string, desired: DesiredDeadline[], now: Date): Promise<void> {
  const rows: { kind: string; due_at: string; fired_at: string | null }[] = await trx('deadlines').where({ case_id: caseId });
  const wanted = new Map(desired.map((d) => [d.kind, d]));
  for (const row of rows) {
    if (row.fired_at) continue;
    const want = wanted.get(row.kind as DeadlineKind);
    if (!want) await trx('deadlines').where({ case_id: caseId, kind: row.kind }).whereNull('fired_at').delete();
    else if (want.dueAt !== row.due_at) await trx('deadlines').where({ case_id: caseId, kind: row.kind }).whereNull('fired_at').update({ due_at: want.dueAt });
  }
  for (const want of desired) {
    if (rows.some((r) => r.kind === want.kind)) continue;
    await trx('deadlines').insert({ case_id: caseId, kind: want.kind, due_at: want.dueAt, event_type: want.eventType, created_at: now.toISOString() });
  }
}
