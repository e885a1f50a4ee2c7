/**
 * Civil dates in Asia/Shanghai, the one date module of Bianmin: the core's working calendar and
 * deadlines, and the forms' ages from ID numbers, decide on the date in China, not on the server's
 * UTC date (a clerk in Shaoxing at 07:30 on an applicant's 80th birthday must see them as 80).
 * China has used UTC+8 without daylight saving since 1991, so plain arithmetic on a fixed +8 h
 * offset is exact for every instant a counter sees; no time-zone library is needed.
 *
 * Dates are read and written with integer day arithmetic rather than a regex and a Date round
 * trip: these functions run for every day a deadline walks over, on every case step and view.
 */

/** A civil date in Asia/Shanghai written 'YYYY-MM-DD'; ordered as strings are. */
export type CalendarDate = string;

/** A reference date: a `Date` instant (read in Asia/Shanghai) or a 'YYYY-MM-DD' string. */
export type DateInput = Date | CalendarDate;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DASH = 45;
const ZERO = 48;
const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

// 'YYYY-MM-DD' can only write years 0000–9999; outside them addCalendarDays and shanghaiDateOf
// keep the Date-based formatting they always had.
const FIRST_DAY = daysFromCivil(0, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

/** 'YYYY-MM-DD' of a day number within FIRST_DAY..LAST_DAY (civil_from_days). */
function formatDay(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${PAD2[Math.floor(year / 100)]}${PAD2[year % 100]}-${PAD2[month]}-${PAD2[doy - Math.floor((153 * mp + 2) / 5) + 1]}`;
}

function digitsAt(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = value.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a well-formed, existing 'YYYY-MM-DD' date; NaN for anything else. */
function dayNumberOf(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return NaN;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day);
}

/** True for a well-formed, existing date such as '2025-02-08' (not '2025-02-30'). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && !Number.isNaN(dayNumberOf(value));
}

function checkedDayNumber(value: CalendarDate): number {
  const dayNumber = typeof value === 'string' ? dayNumberOf(value) : NaN;
  if (Number.isNaN(dayNumber)) throw new RangeError(`无效的日期："${String(value)}"，应为 YYYY-MM-DD`);
  return dayNumber;
}

/** Milliseconds since the epoch of 00:00 UTC on the given civil date (an arithmetic anchor). */
function utcMidnight(date: CalendarDate): number {
  return checkedDayNumber(date) * DAY_MS;
}

/** The date of a UTC-midnight-based instant; Date formatting outside the years 0000–9999. */
function dateAt(ms: number): CalendarDate {
  const dayNumber = Math.floor(Math.trunc(ms) / DAY_MS); // a Date drops fractions toward zero
  if (dayNumber >= FIRST_DAY && dayNumber <= LAST_DAY) return formatDay(dayNumber);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Shanghai civil date on which the instant falls. */
export function shanghaiDateOf(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('无效的日期：Invalid Date');
  return dateAt(time + SHANGHAI_OFFSET_MS);
}

/** A Date is read as the Shanghai day it falls on; a string must already be a civil date. */
export function toCalendarDate(day: DateInput): CalendarDate {
  if (day instanceof Date) return shanghaiDateOf(day);
  checkedDayNumber(day);
  return day;
}

/** 00:00:00.000 Asia/Shanghai on the given day. */
export function startOfShanghaiDay(date: CalendarDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Asia/Shanghai on the given day. */
export function endOfShanghaiDay(date: CalendarDate): Date {
  return new Date(utcMidnight(date) + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return dateAt(utcMidnight(date) + days * DAY_MS);
}

export function yearOf(date: CalendarDate): number {
  checkedDayNumber(date);
  return Number(date.slice(0, 4));
}

/** Saturday or Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const weekday = (((checkedDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday === 0 || weekday === 6;
}

/** The date of the given parts, or null when they name no real day (e.g. 2023-02-29). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${PAD2[Math.floor(year / 100)]}${PAD2[year % 100]}-${PAD2[month]}-${PAD2[day]}`;
}

/**
 * Full years from birth to `on`. Someone born on 29 February turns a year older on 1 March in
 * common years (the day they have not yet reached on 28 February).
 */
export function fullYearsBetween(birth: CalendarDate, on: CalendarDate): number {
  checkedDayNumber(birth);
  checkedDayNumber(on);
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}
