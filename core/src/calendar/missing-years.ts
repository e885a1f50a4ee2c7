// The years an administrator must still enter: the current one whenever it is missing, and from
// 1 October on the next one too (the State Council publishes the next year's schedule in the last
// months of the year; until it is entered, due dates reaching it are provisional).
import type { Knex } from 'knex';
import { shanghaiDateOf, yearOf } from '@bianmin/forms/calendar-date';
import { listYears } from './calendar-store.ts';

/** The first day (MM-DD, Asia/Shanghai) from which next year's missing schedule is announced. */
export const NEXT_YEAR_NOTICE_FROM = '10-01';

export interface MissingYear {
  year: number;
  message: string;
}

export function missingYears(isRecorded: (year: number) => boolean, now: Date): MissingYear[] {
  const today = shanghaiDateOf(now);
  const year = yearOf(today);
  const wanted = today.slice(5) >= NEXT_YEAR_NOTICE_FROM ? [year, year + 1] : [year];
  return wanted
    .filter((y) => !isRecorded(y))
    .map((y) => ({
      year: y,
      message: `${y} 年的工作日历（节假日与调休安排）尚未录入。录入前，办结时限跨入 ${y} 年的办件按法定节假日暂定推算，并标注“暂定”；录入后自动重新核定。`,
    }));
}

/** missingYears over the years as stored (another server may have entered one since this one loaded). */
export async function missingCalendarYears(db: Knex, now: Date): Promise<MissingYear[]> {
  const recorded = new Set(await listYears(db));
  return missingYears((year) => recorded.has(year), now);
}
