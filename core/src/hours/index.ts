// Service hours (服务时间): the configuration, its checks, one day's hours and the store.
export {
  DEFAULT_HOURS, MAX_EXTENSION_MINUTES, WEEKDAYS, WEEKDAY_LABELS, checkServiceHours, minutesOf, timeOf,
  type HoursException, type Period, type Season, type ServiceHours, type WeekHours, type Weekday,
} from './service-hours.ts';
export { dayHours, instantOf, periodAt, weekdayOf, type DayHours, type DayKind, type DayPeriod, type PeriodKind } from './day-hours.ts';
export { readHours, saveHours, type HoursLookup, type StoredHours } from './hours-store.ts';
