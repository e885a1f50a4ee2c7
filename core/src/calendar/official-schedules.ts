import { addCalendarDays, type CalendarDate } from '@bianmin/forms/calendar-date';
import type { CalendarDay, YearCalendar } from './year-calendar.ts';

/**
 * The State Council General Office's yearly holiday notices (国务院办公厅关于某年部分节假日安排的通知),
 * transcribed by hand so that each entry can be read against the notice. The test file
 * cross-checks every day of these years against the `chinese-days` npm package, which is kept
 * independently from the same notices.
 *
 * "与周末连休" periods list only the dates the notice names as days off; the adjoining weekend
 * is a non-working day anyway.
 */

interface HolidayArrangement {
  name: string;
  /** First and last day off, inclusive, as written in the notice (…至…放假). */
  daysOff: readonly [CalendarDate, CalendarDate];
  /** Weekend days worked instead (…上班). */
  makeUpWorkdays: readonly CalendarDate[];
}

interface OfficialNotice {
  year: number;
  /** 文号 */
  documentNumber: string;
  arrangements: readonly HolidayArrangement[];
}

export const OFFICIAL_REGION = '全国';

export const OFFICIAL_NOTICES: readonly OfficialNotice[] = [
  {
    year: 2024,
    documentNumber: '国办发明电〔2023〕7号',
    arrangements: [
      { name: '元旦', daysOff: ['2024-01-01', '2024-01-01'], makeUpWorkdays: [] },
      { name: '春节', daysOff: ['2024-02-10', '2024-02-17'], makeUpWorkdays: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', daysOff: ['2024-04-04', '2024-04-06'], makeUpWorkdays: ['2024-04-07'] },
      { name: '劳动节', daysOff: ['2024-05-01', '2024-05-05'], makeUpWorkdays: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', daysOff: ['2024-06-10', '2024-06-10'], makeUpWorkdays: [] },
      { name: '中秋节', daysOff: ['2024-09-15', '2024-09-17'], makeUpWorkdays: ['2024-09-14'] },
      { name: '国庆节', daysOff: ['2024-10-01', '2024-10-07'], makeUpWorkdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    // The 2025 notice also added one statutory day each to Spring Festival (除夕) and Labour Day.
    year: 2025,
    documentNumber: '国办发明电〔2024〕12号',
    arrangements: [
      { name: '元旦', daysOff: ['2025-01-01', '2025-01-01'], makeUpWorkdays: [] },
      { name: '春节', daysOff: ['2025-01-28', '2025-02-04'], makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', daysOff: ['2025-04-04', '2025-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', daysOff: ['2025-05-01', '2025-05-05'], makeUpWorkdays: ['2025-04-27'] },
      { name: '端午节', daysOff: ['2025-05-31', '2025-06-02'], makeUpWorkdays: [] },
      { name: '国庆节、中秋节', daysOff: ['2025-10-01', '2025-10-08'], makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    documentNumber: '国办发明电〔2025〕7号',
    arrangements: [
      { name: '元旦', daysOff: ['2026-01-01', '2026-01-03'], makeUpWorkdays: ['2026-01-04'] },
      { name: '春节', daysOff: ['2026-02-15', '2026-02-23'], makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', daysOff: ['2026-04-04', '2026-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', daysOff: ['2026-05-01', '2026-05-05'], makeUpWorkdays: ['2026-05-09'] },
      { name: '端午节', daysOff: ['2026-06-19', '2026-06-21'], makeUpWorkdays: [] },
      { name: '中秋节', daysOff: ['2026-09-25', '2026-09-27'], makeUpWorkdays: [] },
      { name: '国庆节', daysOff: ['2026-10-01', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

function daysOf(arrangement: HolidayArrangement): CalendarDay[] {
  const days: CalendarDay[] = [];
  const [first, last] = arrangement.daysOff;
  for (let date = first; date <= last; date = addCalendarDays(date, 1)) {
    days.push({ date, kind: 'holiday', name: arrangement.name });
  }
  for (const date of arrangement.makeUpWorkdays) {
    days.push({ date, kind: 'workday', name: arrangement.name });
  }
  return days;
}

/** The years for which an official schedule ships with Bianmin. */
export function officialYears(): number[] {
  return OFFICIAL_NOTICES.map((notice) => notice.year);
}

/** The official schedule of one year as a calendar, or null when none ships. */
export function officialYearCalendar(year: number): YearCalendar | null {
  const notice = OFFICIAL_NOTICES.find((candidate) => candidate.year === year);
  if (!notice) return null;
  const days = notice.arrangements.flatMap(daysOf).sort((a, b) => a.date.localeCompare(b.date));
  return { year, region: OFFICIAL_REGION, days };
}
