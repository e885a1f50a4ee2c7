// A provisional calendar for a year whose official schedule nobody has entered yet, so the counter
// never stops for missing configuration: due dates computed over it are flagged `provisional` and
// recomputed when the year is recorded (cases/recompute-due-dates.ts).
//
// It holds what can be known in advance, by law, without the State Council's yearly notice:
// the statutory days off of 《全国年节及纪念日放假办法》 (2024 revision, in force 2025) art. 2 —
// 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明 1 day, 劳动节 2 days, 端午 1 day, 中秋 1 day, 国庆 3 days
// — and art. 6: a statutory day off that falls on a Saturday or Sunday is given back on a working
// day (补假), here the first weekday after the festival. The notice's 调休 (weekend days worked to
// join holidays into a week) cannot be foreseen and is not guessed; the official schedule replaces
// all of this when entered.
//
// Lunar dates (春节, 端午, 中秋) and the solar term 清明 come from lunar-typescript (a maintained
// astronomical calendar library, 1900–2100); `chinese-days`, the other candidate, is a table of the
// notices already published and knows nothing of a year without one.
import { Lunar, Solar } from 'lunar-typescript';
import { addCalendarDays, isWeekend, type CalendarDate } from './calendar-date.ts';
import type { CalendarDay, YearCalendar } from './year-calendar.ts';

/** The years lunar-typescript computes reliably. */
export const PROVISIONAL_YEARS = { from: 1901, to: 2099 } as const;

export const PROVISIONAL_REGION = '全国（暂定：法定节假日推算）';

const ymd = (solar: Solar): CalendarDate => solar.toYmd();
const fixed = (year: number, month: number, day: number): CalendarDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The statutory days off of one festival, in date order. */
function festivals(year: number): { name: string; days: CalendarDate[] }[] {
  const springFestival = Lunar.fromYmd(year, 1, 1).getSolar();
  const qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明']!;
  const range = (first: CalendarDate, count: number) => Array.from({ length: count }, (_, i) => addCalendarDays(first, i));
  return [
    { name: '元旦', days: [fixed(year, 1, 1)] },
    // 除夕 is the last day of the twelfth lunar month, the day before 正月初一 (29th or 30th).
    { name: '春节', days: range(addCalendarDays(ymd(springFestival), -1), 4) },
    { name: '清明节', days: [ymd(qingming)] },
    { name: '劳动节', days: range(fixed(year, 5, 1), 2) },
    { name: '端午节', days: [ymd(Lunar.fromYmd(year, 5, 5).getSolar())] },
    { name: '中秋节', days: [ymd(Lunar.fromYmd(year, 8, 15).getSolar())] },
    { name: '国庆节', days: range(fixed(year, 10, 1), 3) },
  ];
}

/** True when the year can be computed; outside it a due date in the year is refused (CALENDAR_YEAR_MISSING). */
export function canComputeProvisionally(year: number): boolean {
  return Number.isInteger(year) && year >= PROVISIONAL_YEARS.from && year <= PROVISIONAL_YEARS.to;
}

/** The provisional calendar of `year`, or null outside PROVISIONAL_YEARS. */
export function provisionalYearCalendar(year: number): YearCalendar | null {
  if (!canComputeProvisionally(year)) return null;
  const off = new Map<CalendarDate, string>();
  const festivalsOfYear = festivals(year);
  for (const festival of festivalsOfYear) {
    for (const date of festival.days) {
      // 中秋 can fall within 国庆 (e.g. 2028-10-03): one day off, named for both.
      const named = off.get(date);
      off.set(date, named && named !== festival.name ? `${named}、${festival.name}` : festival.name);
    }
  }
  // Art. 6: each statutory day on a weekend is given back on the first free weekday after the festival.
  for (const festival of festivalsOfYear) {
    const onWeekend = festival.days.filter(isWeekend).length;
    let date = festival.days.at(-1)!;
    for (let owed = onWeekend; owed > 0; ) {
      date = addCalendarDays(date, 1);
      if (isWeekend(date) || off.has(date)) continue;
      off.set(date, `${festival.name}（补假）`);
      owed -= 1;
    }
  }
  const days: CalendarDay[] = [...off]
    // A day given back after 元旦 or 国庆 stays in the year; one after a late-December festival cannot arise.
    .filter(([date]) => date.startsWith(`${year}-`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, kind: 'holiday', name }));
  return { year, region: PROVISIONAL_REGION, days, provisional: true };
}
