import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { addCalendarDays } from '@bianmin/forms/calendar-date';
import { OFFICIAL_NOTICES, officialYearCalendar, officialYears } from './official-schedules.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar(officialYears().map((year) => officialYearCalendar(year)!));

function datesOf(year: number, kind: 'holiday' | 'workday'): string[] {
  return officialYearCalendar(year)!.days.filter((day) => day.kind === kind).map((day) => day.date);
}

describe('official schedules (国务院办公厅节假日安排通知)', () => {
  it('ships 2024, 2025 and 2026 with their document numbers', () => {
    expect(officialYears()).toEqual([2024, 2025, 2026]);
    expect(OFFICIAL_NOTICES.map((notice) => notice.documentNumber)).toEqual([
      '国办发明电〔2023〕7号',
      '国办发明电〔2024〕12号',
      '国办发明电〔2025〕7号',
    ]);
    expect(officialYearCalendar(2023)).toBeNull();
  });

  it('has exactly the 2025 days off and make-up workdays of 国办发明电〔2024〕12号', () => {
    expect(datesOf(2025, 'workday')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(datesOf(2025, 'holiday')).toEqual([
      '2025-01-01',
      ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'].map((d) => `2025-${d}`),
      '2025-04-04', '2025-04-05', '2025-04-06',
      '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
      '2025-05-31', '2025-06-01', '2025-06-02',
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d}`),
    ]);
  });

  it('makes the 2025 Spring Festival make-up days working days and the festival days not', () => {
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    for (let date = '2025-01-28'; date <= '2025-02-04'; date = addCalendarDays(date, 1)) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true);
  });

  it('names the holidays in Chinese', () => {
    expect(calendar.exceptionOn('2025-10-06')?.name).toBe('国庆节、中秋节');
    expect(calendar.exceptionOn('2026-02-28')).toEqual({ date: '2026-02-28', kind: 'workday', name: '春节' });
  });

  it('puts every make-up workday on a weekend and every day inside its year', () => {
    for (const year of officialYears()) {
      for (const day of officialYearCalendar(year)!.days) {
        expect(day.date.startsWith(`${year}-`)).toBe(true);
        if (day.kind === 'workday') expect([0, 6]).toContain(new Date(`${day.date}T00:00:00Z`).getUTCDay());
      }
    }
  });

  // An independent transcription of the same notices, kept by other people.
  it.each([2024, 2025, 2026])('agrees with the chinese-days package on every day of %i', (year) => {
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addCalendarDays(date, 1)) {
      expect(calendar.isWorkingDay(date), date).toBe(chineseDays.isWorkday(date));
    }
  });
});
