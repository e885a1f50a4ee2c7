import type { CalendarDate } from './calendar-date.ts';

/**
 * 'holiday': a day off (a weekday, or a weekend day inside a holiday period).
 * 'workday': a make-up working day (调休上班) that falls on a weekend.
 */
export type CalendarDayKind = 'holiday' | 'workday';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];

/** An exception to the ordinary Monday–Friday week. */
export interface CalendarDay {
  date: CalendarDate;
  kind: CalendarDayKind;
  /** e.g. '春节' */
  name?: string;
}

/**
 * One year's exceptions. A year is "known" when such a record exists, even with no days:
 * a year without a record is missing data, never assumed to be a plain Monday–Friday year.
 */
export interface YearCalendar {
  year: number;
  /** Whose schedule this is, e.g. '全国' for the State Council schedule. */
  region?: string;
  days: CalendarDay[];
  /**
   * Computed, not entered: the statutory holidays of a year with no official schedule
   * (provisional-schedule.ts). Due dates that reach such a year are flagged provisional.
   */
  provisional?: boolean;
}
