import {
  addCalendarDays,
  endOfShanghaiDay,
  isWeekend,
  toCalendarDate,
  yearOf,
  type CalendarDate,
} from './calendar-date.ts';
import { CalendarYearMissingError } from './calendar-year-missing-error.ts';
import type { CalendarDay, YearCalendar } from './year-calendar.ts';

/**
 * Working-day arithmetic over a set of known years. Pure and synchronous: load the years first
 * (see CalendarService). A year not given is asked of `fallback` (the provisional calendar, see
 * provisional-schedule.ts) and remembered; without one, or where it has none, touching the year
 * throws CalendarYearMissingError.
 *
 * Counting rule (民法典 第二百零一条: 按照日计算期间的，开始的当日不计入): the day an event happens
 * on is never counted, so "N working days from day D" is the Nth working day after D, and the
 * time limit runs out at the end of that day, 23:59:59.999 Asia/Shanghai.
 */
export class WorkingCalendar {
  readonly #years = new Map<number, Map<CalendarDate, CalendarDay>>();
  /**
   * isWorkingDay answers by date, filled as days are asked for. Deadline walks ask for the same
   * few weeks on every case step and view. Only days of loaded years get in (others throw), so it
   * stays small; it cannot go stale, as the years are copied in above and an edited year makes
   * CalendarService build a new WorkingCalendar.
   */
  readonly #workingDays = new Map<CalendarDate, boolean>();
  /** Years whose days are computed, not entered. */
  readonly #provisional = new Set<number>();
  readonly #fallback: ((year: number) => YearCalendar | null) | undefined;

  constructor(years: Iterable<YearCalendar>, fallback?: (year: number) => YearCalendar | null) {
    for (const year of years) this.#add(year);
    this.#fallback = fallback;
  }

  #add(year: YearCalendar): Map<CalendarDate, CalendarDay> {
    const days = new Map(year.days.map((day) => [day.date, day]));
    this.#years.set(year.year, days);
    if (year.provisional) this.#provisional.add(year.year);
    return days;
  }

  #year(year: number): Map<CalendarDate, CalendarDay> {
    const known = this.#years.get(year);
    if (known) return known;
    const computed = this.#fallback?.(year);
    if (!computed) throw new CalendarYearMissingError(year);
    return this.#add({ ...computed, provisional: true });
  }

  /** Entered or computed (a year the fallback covers counts once asked for). */
  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** True when the year's days are the provisional ones rather than an entered schedule. */
  isProvisional(year: number): boolean {
    this.#year(year);
    return this.#provisional.has(year);
  }

  /** True when any year from `from`'s to `to`'s (inclusive) is provisional. */
  provisionalBetween(from: CalendarDate, to: CalendarDate): boolean {
    for (let year = yearOf(from); year <= yearOf(to); year += 1) if (this.isProvisional(year)) return true;
    return false;
  }

  /** The exception entered for the day (holiday or make-up workday), if any. */
  exceptionOn(day: Date | CalendarDate): CalendarDay | undefined {
    const date = toCalendarDate(day);
    return this.#year(yearOf(date)).get(date);
  }

  /** Monday–Friday unless declared a holiday; a weekend day only when declared a workday. */
  isWorkingDay(day: Date | CalendarDate): boolean {
    // A string found in the memo was a valid date when it was put there: no need to check it again.
    const known = typeof day === 'string' ? this.#workingDays.get(day) : undefined;
    if (known !== undefined) return known;
    const date = toCalendarDate(day);
    const exception = this.exceptionOn(date);
    const working = exception ? exception.kind === 'workday' : !isWeekend(date);
    this.#workingDays.set(date, working);
    return working;
  }

  /** The Nth working day after the start day (the start day itself not counted); n = 0 is the start day. */
  addWorkingDays(start: Date | CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
    let date = toCalendarDate(start);
    for (let counted = 0; counted < n; ) {
      date = addCalendarDays(date, 1);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return date;
  }

  /** When a limit of n working days started at `start` runs out: end of addWorkingDays(start, n). */
  dueAt(start: Date | CalendarDate, n: number): Date {
    return endOfShanghaiDay(this.addWorkingDays(start, n));
  }

  /**
   * Working days d with a < d ≤ b, so that workingDaysBetween(a, addWorkingDays(a, n)) === n;
   * negative when b is before a.
   */
  workingDaysBetween(a: Date | CalendarDate, b: Date | CalendarDate): number {
    const from = toCalendarDate(a);
    const to = toCalendarDate(b);
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }
}
