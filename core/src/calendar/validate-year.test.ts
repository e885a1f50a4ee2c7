import { describe, expect, it } from 'vitest';
import { officialYearCalendar } from './official-schedules.ts';
import { validateYearCalendar } from './validate-year.ts';

describe('validateYearCalendar', () => {
  it('accepts the official schedule and an empty year', () => {
    expect(validateYearCalendar(officialYearCalendar(2025), 2025)).toEqual([]);
    expect(validateYearCalendar({ days: [] }, 2031)).toEqual([]);
  });

  it('points at each wrong entry with a Chinese message', () => {
    const problems = validateYearCalendar(
      {
        year: 2025,
        region: '浙江省',
        days: [
          { date: '2025-02-03', kind: 'holiday', name: '春节' },
          { date: '2024-12-31', kind: 'holiday' }, // other year
          { date: '2025-02-30', kind: 'holiday' }, // no such day
          { date: '2025-02-03', kind: 'holiday' }, // duplicate
          { date: '2025-03-05', kind: 'workday' }, // a Wednesday
          { date: '2025-03-08', kind: 'weekend' }, // unknown kind
          { date: '2025-03-09', kind: 'workday', name: 7 },
          'not an object',
        ],
      },
      2025,
    );
    expect(problems).toEqual([
      { pointer: '/days/1/date', message: '日期 2024-12-31 不在 2025 年内' },
      { pointer: '/days/2/date', message: '日期格式应为 YYYY-MM-DD，且必须是真实存在的日期' },
      { pointer: '/days/3/date', message: '日期 2025-02-03 重复（与第 1 项相同）' },
      { pointer: '/days/4/kind', message: '2025-03-05 不是周末，无需登记为调休上班日' },
      { pointer: '/days/5/kind', message: '类型必须是 holiday（放假）或 workday（调休上班）' },
      { pointer: '/days/6/name', message: '名称必须是不超过 50 个字的文字' },
      { pointer: '/days/7', message: '每一项必须是对象' },
    ]);
  });

  it('checks the body as a whole', () => {
    expect(validateYearCalendar(null, 2025)).toEqual([{ pointer: '', message: '请求内容必须是对象' }]);
    expect(validateYearCalendar({ year: 2024, region: '', days: 'x' }, 2025).map((p) => p.pointer)).toEqual([
      '/year',
      '/region',
      '/days',
    ]);
    expect(validateYearCalendar({ days: [] }, 20.5)[0]?.pointer).toBe('');
  });

  it('allows a holiday on any day, including a weekend inside a holiday period', () => {
    expect(validateYearCalendar({ days: [{ date: '2025-02-01', kind: 'holiday', name: '春节' }] }, 2025)).toEqual([]);
  });
});
