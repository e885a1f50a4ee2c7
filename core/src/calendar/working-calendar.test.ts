import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError } from './calendar-year-missing-error.ts';
import { officialYearCalendar } from './official-schedules.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar([officialYearCalendar(2025)!, officialYearCalendar(2026)!]);

describe('WorkingCalendar', () => {
  it('treats weekdays as working and weekends as rest unless the year says otherwise', () => {
    expect(calendar.isWorkingDay('2025-03-03')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-04-27')).toBe(true); // Sunday, 劳动节 make-up day
    expect(calendar.isWorkingDay('2025-05-05')).toBe(false); // Monday, 劳动节
  });

  it('reads a Date as the Shanghai day it falls on', () => {
    // 2025-01-27 23:30 in Shanghai is still the last working day before Spring Festival…
    expect(calendar.isWorkingDay(new Date('2025-01-27T15:30:00Z'))).toBe(true);
    // …and half an hour later it is 除夕.
    expect(calendar.isWorkingDay(new Date('2025-01-27T16:30:00Z'))).toBe(false);
  });

  it('counts N working days after the start day, never the start day itself', () => {
    expect(calendar.addWorkingDays('2025-03-03', 1)).toBe('2025-03-04');
    expect(calendar.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'); // Friday → Monday
    expect(calendar.addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // from a Saturday
    expect(calendar.addWorkingDays('2025-03-03', 0)).toBe('2025-03-03');
  });

  it('skips Spring Festival 2025 and counts its make-up Saturday', () => {
    // Accepted Fri 2025-01-24: Sun 01-26 (make-up) and Mon 01-27 work, then 01-28…02-04 off,
    // Wed 02-05, Thu 02-06, Fri 02-07, Sat 02-08 (make-up).
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(calendar.addWorkingDays('2025-01-24', 2)).toBe('2025-01-27');
    expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-01-24', 6)).toBe('2025-02-08');
    expect(calendar.addWorkingDays('2025-01-24', 7)).toBe('2025-02-10');
  });

  it('puts the due time at 23:59:59.999 Shanghai on the last working day', () => {
    const acceptedAt = new Date('2025-09-26T10:15:00+08:00'); // Friday before 国庆节、中秋节
    // Sun 09-28 (make-up), Mon 09-29, Tue 09-30, then 10-01…10-08 off, Thu 10-09.
    expect(calendar.addWorkingDays(acceptedAt, 4)).toBe('2025-10-09');
    expect(calendar.dueAt(acceptedAt, 4).toISOString()).toBe('2025-10-09T15:59:59.999Z');
  });

  it('crosses into the next year when it has the data', () => {
    // 2025-12-31 is a Wednesday; 2026-01-01…03 off, Sun 01-04 make-up.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
  });

  it('counts working days in (a, b], the inverse of addWorkingDays', () => {
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-08')).toBe(6);
    expect(calendar.workingDaysBetween('2025-02-08', '2025-01-24')).toBe(-6);
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    for (const n of [0, 1, 5, 20, 60]) {
      expect(calendar.workingDaysBetween('2025-09-19', calendar.addWorkingDays('2025-09-19', n))).toBe(n);
    }
  });

  it('refuses to guess a year it has no data for', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearMissingError);
    try {
      calendar.addWorkingDays('2026-12-30', 5);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarYearMissingError);
      expect((error as CalendarYearMissingError).year).toBe(2027);
      expect((error as Error).message).toContain('2027 年');
    }
    // Asking again still throws: a refusal is not remembered as an answer.
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearMissingError);
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2024)).toBe(false);
  });

  it('answers from the days it was built with, whatever happens to the year data later', () => {
    const year = { year: 2030, days: [{ date: '2030-01-02', kind: 'holiday' as const }] };
    const built = new WorkingCalendar([year]);
    expect(built.isWorkingDay('2030-01-02')).toBe(false);
    year.days = [];
    expect(built.isWorkingDay('2030-01-02')).toBe(false);
    expect(new WorkingCalendar([year]).isWorkingDay('2030-01-02')).toBe(true);
  });

  it('knows a year entered with no exceptions as a plain Monday–Friday year', () => {
    const plain = new WorkingCalendar([{ year: 2030, days: [] }]);
    expect(plain.isWorkingDay('2030-01-01')).toBe(true); // Tuesday, nothing declared
    expect(plain.isWorkingDay('2030-01-05')).toBe(false);
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays('2025-03-03', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
  });
});
