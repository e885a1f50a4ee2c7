/**
 * A calendar date as the counters see it. Ages and "not in the future" checks are decided on the
 * date in China (Asia/Shanghai), not on the server's UTC date: a clerk in Shaoxing at 07:30 on an
 * applicant's 80th birthday must see them as 80.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A reference date: a `Date` instant (read in Asia/Shanghai) or a 'YYYY-MM-DD' string. */
export type DateInput = Date | string;

const chinaDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Reads 'YYYY-MM-DD' (or an instant, on China's calendar); throws on anything else. */
export function toCalendarDate(input: DateInput): CalendarDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('无效的日期：Invalid Date');
    return parseIsoDate(chinaDateFormat.format(input)) as CalendarDate;
  }
  const parsed = parseIsoDate(input);
  if (!parsed) throw new RangeError(`无效的日期："${input}"，应为 YYYY-MM-DD`);
  return parsed;
}

/** 'YYYY-MM-DD' → CalendarDate, or null when malformed or not a real day (e.g. 2023-02-29). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Builds a date from parts, or null when the parts name no real day. */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Negative when a is before b, zero when equal, positive when after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Full years from birth to `on`. Someone born on 29 February turns a year older on 1 March in
 * common years (the day they have not yet reached on 28 February).
 */
export function fullYearsBetween(birth: CalendarDate, on: CalendarDate): number {
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
