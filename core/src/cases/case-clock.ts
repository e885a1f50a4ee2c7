// The deadline clock of a case: when it started, when it stood still and why. The due date is
// derived from it and the working-day calendar, never kept in memory timers.
import { CaseDeadline, type DeadlineStatus, type WorkingCalendar } from '../calendar/index.ts';

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
}

/** Due date and traffic light of a promised case; null fields when the item has no promise. */
export function readClock(calendar: WorkingCalendar, clock: CaseClock, promisedDays: number | null, now: Date): ClockReading {
  if (!clock.startedAt || !promisedDays) return { dueAt: null, status: null, remainingWorkingDays: null, pausedWorkingDays: 0 };
  const deadline = new CaseDeadline(calendar, {
    acceptedAt: new Date(clock.startedAt),
    promisedDays,
    pauses: clock.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
  });
  const at = clock.stoppedAt ? new Date(clock.stoppedAt) : now;
  return {
    dueAt: deadline.dueAt?.toISOString() ?? null,
    status: deadline.status(at),
    remainingWorkingDays: deadline.remainingWorkingDays(at),
    pausedWorkingDays: deadline.pausedWorkingDays,
  };
}
