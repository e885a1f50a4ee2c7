import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar-date.ts';
import { officialYearCalendar } from './official-schedules.ts';
import { canComputeProvisionally, provisionalYearCalendar } from './provisional-schedule.ts';
import { WorkingCalendar } from './working-calendar.ts';

const holidays = (year: number) => provisionalYearCalendar(year)!.days.map((d) => `${d.date} ${d.name}`);

describe('the provisional calendar of a year nobody entered', () => {
  it('holds the statutory days of 2027 from the lunar calendar, with the days given back for weekends', () => {
    expect(holidays(2027)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', // 除夕
      '2027-02-06 春节', // 正月初一 (Saturday)
      '2027-02-07 春节', // Sunday
      '2027-02-08 春节',
      '2027-02-09 春节（补假）',
      '2027-02-10 春节（补假）',
      '2027-04-05 清明节',
      '2027-05-01 劳动节', // Saturday
      '2027-05-02 劳动节', // Sunday
      '2027-05-03 劳动节（补假）',
      '2027-05-04 劳动节（补假）',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
      '2027-10-04 国庆节（补假）',
      '2027-10-05 国庆节（补假）',
    ]);
    expect(provisionalYearCalendar(2027)!.provisional).toBe(true);
  });

  it('counts a day once when 中秋 falls within 国庆', () => {
    expect(holidays(2028)).toContain('2028-10-03 中秋节、国庆节');
  });

  // The 2025 and 2026 notices follow the 2024 revision of the law: every provisional day off must be
  // a day off in the official schedule too (the notices add 调休 on top, never take a statutory day away).
  it.each([2025, 2026])('never makes a working day of %i a day off', (year) => {
    const official = new WorkingCalendar([officialYearCalendar(year)!]);
    for (const day of provisionalYearCalendar(year)!.days) expect(official.isWorkingDay(day.date), day.date).toBe(false);
  });

  it('serves as the fallback of a working calendar, which then says the year is provisional', () => {
    const calendar = new WorkingCalendar([officialYearCalendar(2026)!], provisionalYearCalendar);
    expect(calendar.isProvisional(2026)).toBe(false);
    // 2026-12-31 (Thu) + 3 working days: 2027-01-01 is 元旦, so Mon 01-04, Tue 01-05, Wed 01-06.
    expect(calendar.addWorkingDays('2026-12-31', 3)).toBe('2027-01-06');
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.provisionalBetween('2026-12-01', '2026-12-31')).toBe(false);
    expect(calendar.provisionalBetween('2026-12-01', addCalendarDays('2026-12-31', 1))).toBe(true);
  });

  it('covers the years the lunar library computes, and no others', () => {
    expect(canComputeProvisionally(2099)).toBe(true);
    expect(canComputeProvisionally(2100)).toBe(false);
    expect(provisionalYearCalendar(2100)).toBeNull();
  });
});
