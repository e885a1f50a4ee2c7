import { addCalendarDays, endOfShanghaiDay, shanghaiDateOf, type CalendarDate } from './calendar-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/**
 * A stretch of time during which the clock stood still: correction (补齐补正) or a declared special
 * step (听证, 检验, 鉴定, 现场勘查, 公示 — 行政许可法 第四十五条: not counted in the time limit).
 * No `to` means the pause is still going on.
 */
export interface ClockPause {
  from: Date;
  to?: Date | null;
}

export interface DeadlineInput {
  acceptedAt: Date;
  /** 承诺办结时限 in working days. */
  promisedDays: number;
  pauses?: readonly ClockPause[];
}

/** yellow: at most one working day left; red: past the due time; paused: the clock is stopped. */
export type DeadlineStatus = 'green' | 'yellow' | 'red' | 'paused';

export interface DeadlineSnapshot {
  status: DeadlineStatus;
  /** null while an open pause began before the limit was used up: the due date is then unknown. */
  dueDate: CalendarDate | null;
  dueAt: Date | null;
  /** Counted working days still to run after today (today counts as used); 0 once overdue. */
  remainingWorkingDays: number;
  /** Counted working days after the due date up to today; 0 unless overdue. */
  overdueWorkingDays: number;
  /** Working days up to the due date given back because of pauses. */
  pausedWorkingDays: number;
  /** The due date counts over a year with no entered schedule (provisional-schedule.ts). */
  provisional: boolean;
}

interface PausedSpan {
  firstDay: CalendarDate;
  /** null: open pause, every later day is paused too. */
  lastDay: CalendarDate | null;
}

/**
 * The due date of a promised case, with pauses taken out.
 *
 * Rule: a working day counts toward the limit only if the clock ran through all of it. The
 * acceptance day never counts (民法典 第二百零一条, 开始的当日不计入), and for the same reason every
 * working day touched by a pause — the day it began, the day it ended and all days between — is
 * given back in full: resuming is a new start whose day is not counted, and the day the clock
 * stopped was not run in full. A pause lying wholly on rest days costs nothing.
 */
export class CaseDeadline {
  readonly #calendar: WorkingCalendar;
  readonly #acceptedDay: CalendarDate;
  readonly #promisedDays: number;
  readonly #pauses: PausedSpan[];
  readonly #openPauseFrom: CalendarDate | null;
  readonly dueDate: CalendarDate | null;
  readonly pausedWorkingDays: number;
  /** The walk to the due date crossed a provisional year: the date changes when that year is entered. */
  readonly provisional: boolean;
  readonly #dueAtMs: number | null;
  /** The last remainingWorkingDays answer: a case is read many times a day, each a walk from acceptance. */
  #remaining: { today: CalendarDate; days: number } | null = null;

  constructor(calendar: WorkingCalendar, input: DeadlineInput) {
    if (!Number.isInteger(input.promisedDays) || input.promisedDays < 0) {
      throw new RangeError(`promisedDays must be a whole number ≥ 0: ${input.promisedDays}`);
    }
    this.#calendar = calendar;
    this.#acceptedDay = shanghaiDateOf(input.acceptedAt);
    this.#promisedDays = input.promisedDays;
    this.#pauses = (input.pauses ?? []).map((pause) => ({
      firstDay: shanghaiDateOf(pause.from),
      lastDay: pause.to ? shanghaiDateOf(pause.to) : null,
    }));
    const openStarts = this.#pauses.filter((span) => span.lastDay === null).map((span) => span.firstDay);
    this.#openPauseFrom = openStarts.length > 0 ? openStarts.sort()[0]! : null;
    const { dueDate, pausedWorkingDays } = this.#walkToDueDate();
    this.dueDate = dueDate;
    this.pausedWorkingDays = pausedWorkingDays;
    this.provisional = dueDate !== null && calendar.provisionalBetween(addCalendarDays(this.#acceptedDay, 1), dueDate);
    this.#dueAtMs = dueDate === null ? null : endOfShanghaiDay(dueDate).getTime();
  }

  /** A new Date on each read, so that a caller changing it cannot move the deadline. */
  get dueAt(): Date | null {
    return this.#dueAtMs === null ? null : new Date(this.#dueAtMs);
  }

  get isPaused(): boolean {
    return this.#openPauseFrom !== null;
  }

  #isPausedDay(date: CalendarDate): boolean {
    return this.#pauses.some(
      (span) => span.firstDay <= date && (span.lastDay === null || date <= span.lastDay),
    );
  }

  /** A day that consumes the limit: a working day after acceptance, untouched by any pause. */
  #counts(date: CalendarDate): boolean {
    return date > this.#acceptedDay && this.#calendar.isWorkingDay(date) && !this.#isPausedDay(date);
  }

  #walkToDueDate(): { dueDate: CalendarDate | null; pausedWorkingDays: number } {
    let date = this.#acceptedDay;
    let counted = 0;
    let pausedWorkingDays = 0;
    while (counted < this.#promisedDays) {
      date = addCalendarDays(date, 1);
      // An open pause freezes the clock: nothing from its first day on can count.
      if (this.#openPauseFrom !== null && date >= this.#openPauseFrom) return { dueDate: null, pausedWorkingDays };
      if (!this.#calendar.isWorkingDay(date)) continue;
      if (this.#isPausedDay(date)) pausedWorkingDays += 1;
      else counted += 1;
    }
    return { dueDate: date, pausedWorkingDays };
  }

  /** Counted days in (from, to]. */
  #countedBetween(from: CalendarDate, to: CalendarDate): number {
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
      if (this.#counts(date)) count += 1;
    }
    return count;
  }

  remainingWorkingDays(now: Date): number {
    const today = shanghaiDateOf(now);
    if (this.dueDate !== null && today >= this.dueDate) return 0;
    if (this.#remaining?.today !== today) {
      const days = Math.max(0, this.#promisedDays - this.#countedBetween(this.#acceptedDay, today));
      this.#remaining = { today, days };
    }
    return this.#remaining.days;
  }

  overdueWorkingDays(now: Date): number {
    const today = shanghaiDateOf(now);
    if (this.dueDate === null || today <= this.dueDate) return 0;
    return this.#countedBetween(this.dueDate, today);
  }

  /** Overdue wins over paused: a limit already run out is not revived by stopping the clock. */
  status(now: Date): DeadlineStatus {
    if (this.#dueAtMs !== null && now.getTime() > this.#dueAtMs) return 'red';
    if (this.isPaused) return 'paused';
    return this.remainingWorkingDays(now) <= 1 ? 'yellow' : 'green';
  }

  snapshot(now: Date): DeadlineSnapshot {
    return {
      status: this.status(now),
      dueDate: this.dueDate,
      dueAt: this.dueAt,
      remainingWorkingDays: this.remainingWorkingDays(now),
      overdueWorkingDays: this.overdueWorkingDays(now),
      pausedWorkingDays: this.pausedWorkingDays,
      provisional: this.provisional,
    };
  }
}
