export type { CalendarDate } from '@bianmin/forms/calendar-date';
export {
  isCalendarDate,
  shanghaiDateOf,
  toCalendarDate,
  startOfShanghaiDay,
  endOfShanghaiDay,
  addCalendarDays,
  isWeekend,
  yearOf,
} from '@bianmin/forms/calendar-date';
export type { CalendarDay, CalendarDayKind, YearCalendar } from './year-calendar.ts';
export { CALENDAR_DAY_KINDS } from './year-calendar.ts';
export { CalendarYearMissingError } from './calendar-year-missing-error.ts';
export { OFFICIAL_NOTICES, OFFICIAL_REGION, officialYears, officialYearCalendar } from './official-schedules.ts';
export { WorkingCalendar } from './working-calendar.ts';
export type { ClockPause, DeadlineInput, DeadlineSnapshot, DeadlineStatus } from './deadline.ts';
export { CaseDeadline } from './deadline.ts';
export { ONE_TIME_NOTICE_WORKING_DAYS, oneTimeNoticeDeadline, deemedAccepted } from './deemed-acceptance.ts';
export type { ImmediateTarget } from './immediate-target.ts';
export { DEFAULT_TARGET_MINUTES, minutesTarget } from './immediate-target.ts';
export { validateYearCalendar } from './validate-year.ts';
export type { YearCalendarRecord } from './calendar-store.ts';
export { InvalidYearCalendarError, SEED_AUTHOR, listYears, loadYear, saveYear, seedOfficialYears } from './calendar-store.ts';
export type { CalendarServiceOptions } from './calendar-service.ts';
export { CalendarService } from './calendar-service.ts';
export { missingCalendarYears, missingYears, NEXT_YEAR_NOTICE_FROM, type MissingYear } from './missing-years.ts';
