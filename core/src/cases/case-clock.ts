// The deadline clock of a case: when it started, when it stood still and why. The due date is
// derived from it and the working-day calendar, never kept in memory timers.
import { CaseDeadline, shanghaiDateOf, type DeadlineStatus, type WorkingCalendar } from '../calendar/index.ts';

export interface CaseClock {
  startedAt?: string;
  stoppedAt?: string;
  pauses: { from: string; to?: string; reason?: string }[];
  /** Deadline of the applicant's correction (补齐补正), while one is asked for. */
  correctionDueAt?: string;
}

export const NEW_CLOCK: CaseClock = { pauses: [] };

export type ClockOp = 'start' | 'pause' | 'resume' | 'stop';

export function applyClockOp(clock: CaseClock, op: ClockOp, at: string, reason?: string): CaseClock {
  const pauses = clock.pauses.map((p) => ({ ...p }));
  const open = pauses.find((p) => !p.to);
  switch (op) {
    case 'start':
      return clock.startedAt ? clock : { ...clock, startedAt: at, pauses };
    case 'pause':
      if (!open) pauses.push({ from: at, ...(reason ? { reason } : {}) });
      return { ...clock, pauses };
    case 'resume':
      if (open) open.to = at;
      return { ...clock, pauses };
    case 'stop':
      if (open) open.to = at;
      return { ...clock, pauses, stoppedAt: clock.stoppedAt ?? at };
  }
}

export interface ClockReading {
  dueAt: string | null;
  status: DeadlineStatus | null;
  remainingWorkingDays: number | null;
  pausedWorkingDays: number;
  /** The due date reaches a year with no entered schedule: computed provisionally, recomputed when entered. */
  provisional: boolean;
}

/**
 * Deadlines already walked out, per calendar (a new calendar, e.g. after a year was edited, starts
 * empty). readClock runs several times per step (each issued document, the step itself) and per
 * case view, always for the same clock; and cases accepted the same day without pauses share one
 * entry. Cleared when full rather than tracking use: a refill costs one walk per clock.
 */
const walked = new WeakMap<WorkingCalendar, Map<string, Walked>>();
const MAX_WALKED = 10_000;

interface Walked {
  deadline: CaseDeadline;
  dueAt: string | null;
}

function walk(calendar: WorkingCalendar, startedAt: string, pauses: CaseClock['pauses'], promisedDays: number): Walked {
  const input = {
    acceptedAt: new Date(startedAt),
    promisedDays,
    pauses: pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
  };
  // A CaseDeadline reads its instants only as Shanghai days, so these days key it completely.
  let key = `${promisedDays} ${shanghaiDateOf(input.acceptedAt)}`;
  for (const p of input.pauses) key += ` ${shanghaiDateOf(p.from)}~${p.to ? shanghaiDateOf(p.to) : ''}`;
  let byKey = walked.get(calendar);
  if (!byKey) walked.set(calendar, (byKey = new Map()));
  let known = byKey.get(key);
  if (!known) {
    const deadline = new CaseDeadline(calendar, input);
    known = { deadline, dueAt: deadline.dueAt?.toISOString() ?? null };
    if (byKey.size >= MAX_WALKED) byKey.clear();
    byKey.set(key, known);
  }
  return known;
}

/** Due date and traffic light of a promised case; null fields when the item has no promise. */
export function readClock(calendar: WorkingCalendar, clock: CaseClock, promisedDays: number | null, now: Date): ClockReading {
  if (!clock.startedAt || !promisedDays) return { dueAt: null, status: null, remainingWorkingDays: null, pausedWorkingDays: 0, provisional: false };
  const { deadline, dueAt } = walk(calendar, clock.startedAt, clock.pauses, promisedDays);
  const at = clock.stoppedAt ? new Date(clock.stoppedAt) : now;
  return {
    dueAt,
    status: deadline.status(at),
    remainingWorkingDays: deadline.remainingWorkingDays(at),
    pausedWorkingDays: deadline.pausedWorkingDays,
    provisional: deadline.provisional,
  };
}
