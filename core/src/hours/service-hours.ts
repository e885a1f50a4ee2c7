// An organisation's service hours (seed 002 art. 17(一), 18(三)(四), 20; seed 003 task 9): the week's
// hours, seasonal 夏令时/冬令时 weeks, 午间不间断 lunch service, the ±1 h bookable extension (早晚弹性),
// weekend booking and the items handled on weekends (周末无休), and exceptions (a closed day, or other
// hours on one date). Holidays are not entered here: the working-day calendar says which days are off.
import type { ErrorDetail } from '../errors/index.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' };

/** A span of local (Asia/Shanghai) time on one day, 'HH:MM'. */
export interface Period {
  start: string;
  end: string;
}

export type WeekHours = Record<Weekday, Period[]>;

export interface Season {
  name: string;
  /** 'MM-DD', inclusive; a season may run over the new year (冬令时 10-01 → 04-30). */
  from: string;
  to: string;
  /** Days the season changes; the others keep the ordinary week's hours. */
  weekly: Partial<WeekHours>;
}

export interface HoursException {
  date: string;
  closed: boolean;
  /** The hours of that day when it is not closed. */
  periods?: Period[];
  reason: string;
}

export interface ServiceHours {
  weekly: WeekHours;
  seasons: Season[];
  /** 午间不间断: the break between the first two periods of a working day is served (and bookable). */
  lunchService: boolean;
  /** 早晚弹性: minutes before the first and after the last period of a working day that may be booked. */
  extended: { morningMinutes: number; eveningMinutes: number };
  /** Saturdays and Sundays the calendar does not make holidays or workdays. */
  weekend: { periods: Period[]; booking: boolean; items: string[] };
  exceptions: HoursException[];
  /** Length of an appointment slot. */
  slotMinutes: number;
}

const WORKDAY: Period[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

export const DEFAULT_HOURS: ServiceHours = {
  weekly: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: [], sun: [] },
  seasons: [],
  lunchService: false,
  extended: { morningMinutes: 0, eveningMinutes: 0 },
  weekend: { periods: [], booking: false, items: [] },
  exceptions: [],
  slotMinutes: 30,
};

export const MAX_EXTENSION_MINUTES = 60;

/** 'HH:MM' → minutes after midnight; NaN when it is not a time of day. */
export function minutesOf(time: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function checkPeriods(periods: Period[], pointer: string, problems: ErrorDetail[]): void {
  let last = -1;
  periods.forEach((p, i) => {
    const start = minutesOf(p.start);
    const end = minutesOf(p.end);
    if (Number.isNaN(start)) problems.push({ pointer: `${pointer}/${i}/start`, message: '时间格式应为 HH:MM' });
    if (Number.isNaN(end)) problems.push({ pointer: `${pointer}/${i}/end`, message: '时间格式应为 HH:MM' });
    if (Number.isNaN(start) || Number.isNaN(end)) return;
    if (end <= start) problems.push({ pointer: `${pointer}/${i}/end`, message: '结束时间应晚于开始时间' });
    else if (start < last) problems.push({ pointer: `${pointer}/${i}/start`, message: '时段应按时间先后排列且互不重叠' });
    last = Math.max(last, end);
  });
}

function validMonthDay(md: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(md);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Every problem of a configuration, each at its JSON pointer (the request schema has checked the shape). */
export function checkServiceHours(h: ServiceHours, itemExists: (code: string) => boolean, isDate: (d: string) => boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const day of WEEKDAYS) checkPeriods(h.weekly[day], `/weekly/${day}`, problems);
  h.seasons.forEach((s, i) => {
    if (!validMonthDay(s.from)) problems.push({ pointer: `/seasons/${i}/from`, message: '日期格式应为 MM-DD' });
    if (!validMonthDay(s.to)) problems.push({ pointer: `/seasons/${i}/to`, message: '日期格式应为 MM-DD' });
    for (const day of WEEKDAYS) if (s.weekly[day]) checkPeriods(s.weekly[day], `/seasons/${i}/weekly/${day}`, problems);
  });
  checkPeriods(h.weekend.periods, '/weekend/periods', problems);
  h.weekend.items.forEach((code, i) => {
    if (!itemExists(code)) problems.push({ pointer: `/weekend/items/${i}`, message: `事项 ${code} 不存在` });
  });
  if (h.weekend.booking && h.weekend.periods.length === 0) problems.push({ pointer: '/weekend/periods', message: '开放周末预约须设置周末服务时段' });
  const seen = new Set<string>();
  h.exceptions.forEach((e, i) => {
    if (!isDate(e.date)) problems.push({ pointer: `/exceptions/${i}/date`, message: '日期无效' });
    else if (seen.has(e.date)) problems.push({ pointer: `/exceptions/${i}/date`, message: '同一日期只能设置一次' });
    seen.add(e.date);
    if (!e.closed) {
      if (!e.periods || e.periods.length === 0) problems.push({ pointer: `/exceptions/${i}/periods`, message: '不闭馆的例外日须设置服务时段' });
      else checkPeriods(e.periods, `/exceptions/${i}/periods`, problems);
    }
  });
  return problems;
}
