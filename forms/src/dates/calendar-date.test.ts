import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDate,
  fullYearsBetween,
  endOfShanghaiDay,
  isCalendarDate,
  isWeekend,
  shanghaiDateOf,
  startOfShanghaiDay,
  toCalendarDate,
} from './calendar-date.ts';

describe('Shanghai civil dates', () => {
  it('reads an instant as the day it falls on in UTC+8', () => {
    expect(shanghaiDateOf(new Date('2025-01-31T15:59:59.999Z'))).toBe('2025-01-31');
    expect(shanghaiDateOf(new Date('2025-01-31T16:00:00.000Z'))).toBe('2025-02-01');
    expect(shanghaiDateOf(new Date('2025-03-01T08:00:00+08:00'))).toBe('2025-03-01');
  });

  it('gives the first and last millisecond of a Shanghai day', () => {
    expect(startOfShanghaiDay('2025-02-08').toISOString()).toBe('2025-02-07T16:00:00.000Z');
    expect(endOfShanghaiDay('2025-02-08').toISOString()).toBe('2025-02-08T15:59:59.999Z');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-8')).toBe(false);
    expect(isCalendarDate(20250208)).toBe(false);
    expect(() => toCalendarDate('2025-13-01')).toThrow(RangeError);
    expect(() => toCalendarDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it('answers false, never throws, for impossible months and days', () => {
    for (const value of ['2025-13-01', '2025-00-10', '2025-01-00', '2025-01-32', '2100-02-29', '2025-02-0８', '2025-02-08 ']) {
      expect(isCalendarDate(value)).toBe(false);
      expect(() => toCalendarDate(value)).toThrow(RangeError);
    }
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('0000-01-01')).toBe(true);
  });

  it('steps across month and year ends', () => {
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addCalendarDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(addCalendarDays('2025-02-08', 0.5)).toBe('2025-02-08');
    expect(addCalendarDays('2025-02-08', 36524)).toBe('2125-02-08'); // 2100 is no leap year;
    expect(() => addCalendarDays('2025-02-08', Number.NaN)).toThrow(RangeError);
  });

  it('knows Saturdays and Sundays', () => {
    expect(isWeekend('2025-02-08')).toBe(true); // Saturday
    expect(isWeekend('2025-01-26')).toBe(true); // Sunday
    expect(isWeekend('2025-01-27')).toBe(false); // Monday
    expect(isWeekend('1969-12-27')).toBe(true); // Saturday, before the epoch
    expect(isWeekend('1969-12-29')).toBe(false); // Monday
  });
});

describe('dates of birth and ages', () => {
  it('builds a date from its parts, or null for a day that does not exist', () => {
    expect(calendarDate(1945, 8, 15)).toBe('1945-08-15');
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(2023, 2, 29)).toBeNull();
    expect(calendarDate(1990, 13, 1)).toBeNull();
    expect(calendarDate(1990, 0, 1)).toBeNull();
    expect(calendarDate(Number.NaN, 1, 1)).toBeNull();
  });

  it('counts full years, a 29 February birthday turning older on 1 March in common years', () => {
    expect(fullYearsBetween('1945-08-15', '2025-08-14')).toBe(79);
    expect(fullYearsBetween('1945-08-15', '2025-08-15')).toBe(80);
    expect(fullYearsBetween('2004-02-29', '2022-02-28')).toBe(17);
    expect(fullYearsBetween('2004-02-29', '2022-03-01')).toBe(18);
    expect(() => fullYearsBetween('2004-02-30', '2022-03-01')).toThrow(/无效的日期/);
  });
});
