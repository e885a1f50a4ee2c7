// One day's hours as the counter keeps them: what the organisation's configuration says for that
// date, with the working-day calendar deciding holidays and make-up workdays.
import { isWeekend, startOfShanghaiDay, type CalendarDate, type WorkingCalendar } from '../calendar/index.ts';
import { minutesOf, timeOf, WEEKDAYS, type Period, type ServiceHours, type Weekday } from './service-hours.ts';

/** regular: ordinary hours; lunch: 午间不间断; extended: 早晚弹性, by appointment only. */
export type PeriodKind = 'regular' | 'lunch' | 'extended';

export interface DayPeriod extends Period {
  kind: PeriodKind;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'exception';

export interface DayHours {
  date: CalendarDate;
  weekday: Weekday;
  kind: DayKind;
  open: boolean;
  /** Why the day is closed or special: the holiday's name, the exception's reason, 周末休息. */
  reason: string | null;
  season: string | null;
  periods: DayPeriod[];
  /** Items handled that day; null = every item. */
  items: string[] | null;
  /** Whether appointments may be booked for the day. */
  bookable: boolean;
}

export function weekdayOf(date: CalendarDate): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

function inSeason(date: CalendarDate, from: string, to: string): boolean {
  const md = date.slice(5);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

function workdayPeriods(h: ServiceHours, base: Period[]): DayPeriod[] {
  const periods: DayPeriod[] = base.map((p) => ({ ...p, kind: 'regular' }));
  if (h.lunchService && periods.length >= 2 && minutesOf(periods[0]!.end) < minutesOf(periods[1]!.start)) {
    periods.splice(1, 0, { start: periods[0]!.end, end: periods[1]!.start, kind: 'lunch' });
  }
  if (periods.length > 0 && h.extended.morningMinutes > 0) {
    const first = minutesOf(periods[0]!.start);
    periods.unshift({ start: timeOf(Math.max(0, first - h.extended.morningMinutes)), end: periods[0]!.start, kind: 'extended' });
  }
  if (periods.length > 0 && h.extended.eveningMinutes > 0) {
    const last = minutesOf(periods[periods.length - 1]!.end);
    periods.push({ start: periods[periods.length - 1]!.end, end: timeOf(Math.min(24 * 60 - 1, last + h.extended.eveningMinutes)), kind: 'extended' });
  }
  return periods;
}

export function dayHours(h: ServiceHours, calendar: WorkingCalendar, date: CalendarDate): DayHours {
  const weekday = weekdayOf(date);
  const closed = (kind: DayKind, reason: string): DayHours => ({ date, weekday, kind, open: false, reason, season: null, periods: [], items: null, bookable: false });
  const exception = h.exceptions.find((e) => e.date === date);
  if (exception) {
    if (exception.closed) return closed('exception', exception.reason);
    return { date, weekday, kind: 'exception', open: true, reason: exception.reason, season: null, periods: exception.periods!.map((p) => ({ ...p, kind: 'regular' })), items: null, bookable: true };
  }
  const official = calendar.exceptionOn(date);
  if (official?.kind === 'holiday') return closed('holiday', official.name ?? '法定节假日');
  if (calendar.isWorkingDay(date)) {
    // A make-up workday (调休上班) on a weekend keeps a Monday's hours.
    const key: Weekday = isWeekend(date) ? 'mon' : weekday;
    const season = h.seasons.find((s) => s.weekly[key] && inSeason(date, s.from, s.to));
    const base = season ? season.weekly[key]! : h.weekly[key];
    const periods = workdayPeriods(h, base);
    if (periods.length === 0) return closed('workday', '本日不对外服务');
    return { date, weekday, kind: 'workday', open: true, reason: null, season: season?.name ?? null, periods, items: null, bookable: true };
  }
  if (h.weekend.periods.length === 0) return closed('weekend', '周末休息');
  return {
    date, weekday, kind: 'weekend', open: true, reason: '周末服务', season: null,
    periods: h.weekend.periods.map((p) => ({ ...p, kind: 'regular' })),
    items: h.weekend.items.length > 0 ? h.weekend.items : null,
    bookable: h.weekend.booking,
  };
}

/** Whether the local time 'HH:MM' on that day lies in a period (and which). */
export function periodAt(day: DayHours, time: string): DayPeriod | undefined {
  const t = minutesOf(time);
  return day.periods.find((p) => t >= minutesOf(p.start) && t < minutesOf(p.end));
}

/** The instant of a local time on a Shanghai date. */
export function instantOf(date: CalendarDate, time: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + minutesOf(time) * 60_000);
}
