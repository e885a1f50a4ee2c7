/**
 * Civil dates in Asia/Shanghai. China has used UTC+8 without daylight saving since 1991, so
 * plain arithmetic on a fixed +8 h offset is exact; no time-zone library is needed.
 */

/** A civil date in Asia/Shanghai written 'YYYY-MM-DD'. */
export type CalendarDate = string;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed, existing date such as '2025-02-08' (not '2025-02-30'). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function assertCalendarDate(value: CalendarDate): void {
  if (!isCalendarDate(value)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(value)}`);
}

/** Milliseconds since the epoch of 00:00 UTC on the given civil date (an arithmetic anchor). */
function utcMidnight(date: CalendarDate): number {
  assertCalendarDate(date);
  return Date.parse(`${date}T00:00:00Z`);
}

/** The Shanghai civil date on which the instant falls. */
export function shanghaiDateOf(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  return new Date(time + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A Date is read as the Shanghai day it falls on; a string must already be a civil date. */
export function toCalendarDate(day: Date | CalendarDate): CalendarDate {
  if (day instanceof Date) return shanghaiDateOf(day);
  assertCalendarDate(day);
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
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(date: CalendarDate): number {
  assertCalendarDate(date);
  return Number(date.slice(0, 4));
}

/** Saturday or Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}
