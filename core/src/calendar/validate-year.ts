import type { Problem } from '@bianmin/contract';
import { isCalendarDate, isWeekend, yearOf } from './calendar-date.ts';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './year-calendar.ts';

const MAX_NAME_LENGTH = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the body of PUT /api/admin/calendar/:year. Written by hand rather than as a JSON Schema
 * because most rules (inside the year, weekend make-up days, duplicates) are not expressible in
 * one, and each message must be in Chinese. An empty result means the body is a YearCalendar.
 */
export function validateYearCalendar(body: unknown, year: number): Problem[] {
  if (!Number.isInteger(year) || year < 1949 || year > 9999) {
    return [{ pointer: '', message: `年份无效：${String(year)}` }];
  }
  if (!isRecord(body)) return [{ pointer: '', message: '请求内容必须是对象' }];

  const problems: Problem[] = [];
  if (body.year !== undefined && body.year !== year) {
    problems.push({ pointer: '/year', message: `年份应为 ${year}，与地址中的年份一致` });
  }
  if (body.region !== undefined && (typeof body.region !== 'string' || body.region.trim() === '')) {
    problems.push({ pointer: '/region', message: '适用地区必须是非空文字' });
  }
  if (!Array.isArray(body.days)) {
    problems.push({ pointer: '/days', message: '必须提供日期列表 days（可以为空列表）' });
    return problems;
  }

  const firstIndexOfDate = new Map<string, number>();
  body.days.forEach((entry: unknown, index: number) => {
    const at = `/days/${index}`;
    if (!isRecord(entry)) {
      problems.push({ pointer: at, message: '每一项必须是对象' });
      return;
    }
    const { date, kind, name } = entry;
    const kindValid = CALENDAR_DAY_KINDS.includes(kind as CalendarDayKind);
    if (!kindValid) {
      problems.push({ pointer: `${at}/kind`, message: '类型必须是 holiday（放假）或 workday（调休上班）' });
    }
    if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > MAX_NAME_LENGTH)) {
      problems.push({ pointer: `${at}/name`, message: `名称必须是不超过 ${MAX_NAME_LENGTH} 个字的文字` });
    }
    if (!isCalendarDate(date)) {
      problems.push({ pointer: `${at}/date`, message: '日期格式应为 YYYY-MM-DD，且必须是真实存在的日期' });
      return;
    }
    if (yearOf(date) !== year) {
      problems.push({ pointer: `${at}/date`, message: `日期 ${date} 不在 ${year} 年内` });
    }
    const earlier = firstIndexOfDate.get(date);
    if (earlier !== undefined) {
      problems.push({ pointer: `${at}/date`, message: `日期 ${date} 重复（与第 ${earlier + 1} 项相同）` });
    } else {
      firstIndexOfDate.set(date, index);
    }
    if (kind === 'workday' && !isWeekend(date)) {
      problems.push({ pointer: `${at}/kind`, message: `${date} 不是周末，无需登记为调休上班日` });
    }
  });
  return problems;
}
