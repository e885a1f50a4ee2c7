import type { Knex } from 'knex';
import { officialYearCalendar, officialYears, OFFICIAL_REGION } from './official-schedules.ts';
import type { Problem } from '@bianmin/contract';
import { validateYearCalendar } from './validate-year.ts';
import type { CalendarDay, CalendarDayKind, YearCalendar } from './year-calendar.ts';

/** Tables created by store/migrations/0003_calendar.ts. */
const YEARS = 'calendar_years';
const DAYS = 'calendar_days';

/** Refused by saveYear; `problems` are the same as validateYearCalendar's. */
export class InvalidYearCalendarError extends Error {
  override readonly name = 'InvalidYearCalendarError';
  readonly problems: Problem[];

  constructor(year: number, problems: Problem[]) {
    super(`${year} 年工作日历有误：${problems.map((problem) => problem.message).join('；')}`);
    this.problems = problems;
  }
}

export interface YearCalendarRecord extends YearCalendar {
  region: string;
  updatedAt: Date;
  updatedBy: string;
}

interface YearRow {
  year: number;
  region: string;
  updated_at: string;
  updated_by: string;
}

interface DayRow {
  date: string;
  kind: string;
  name: string | null;
}

function toDay(row: DayRow): CalendarDay {
  const day: CalendarDay = { date: row.date, kind: row.kind as CalendarDayKind };
  if (row.name !== null) day.name = row.name;
  return day;
}

/** The stored year with its exception days in date order, or null when the year has no data. */
export async function loadYear(db: Knex, year: number): Promise<YearCalendarRecord | null> {
  const header = await db<YearRow>(YEARS).where({ year }).first();
  if (!header) return null;
  const rows = await db<DayRow>(DAYS).select('date', 'kind', 'name').where('year', year).orderBy('date');
  return {
    year: Number(header.year),
    region: header.region,
    updatedAt: new Date(header.updated_at),
    updatedBy: header.updated_by,
    days: rows.map(toDay),
  };
}

/** Years that have data, ascending. */
export async function listYears(db: Knex): Promise<number[]> {
  const rows = await db<YearRow>(YEARS).select('year').orderBy('year');
  return rows.map((row) => Number(row.year));
}

async function writeYear(trx: Knex.Transaction, calendar: YearCalendar, region: string, updatedBy: string): Promise<void> {
  const header = { year: calendar.year, region, updated_at: new Date().toISOString(), updated_by: updatedBy };
  await trx(YEARS).insert(header).onConflict('year').merge();
  await trx(DAYS).where({ year: calendar.year }).delete();
  if (calendar.days.length > 0) {
    await trx(DAYS).insert(
      calendar.days.map((day) => ({ year: calendar.year, date: day.date, kind: day.kind, name: day.name ?? null })),
    );
  }
}

/** Replaces a whole year (the admin's PUT). Throws InvalidYearCalendarError without writing anything. */
export async function saveYear(db: Knex, calendar: YearCalendar, updatedBy: string): Promise<void> {
  const problems = validateYearCalendar(calendar, calendar.year);
  if (problems.length > 0) throw new InvalidYearCalendarError(calendar.year, problems);
  await db.transaction((trx) => writeYear(trx, calendar, calendar.region ?? OFFICIAL_REGION, updatedBy));
}

/** Who the seeded rows are attributed to. */
export const SEED_AUTHOR = 'system:official-schedule';

/**
 * Stores each shipped official year that has no data yet; years an admin already has are left
 * alone. Returns the years written, so running it again writes nothing.
 */
export async function seedOfficialYears(db: Knex): Promise<number[]> {
  const seeded: number[] = [];
  for (const year of officialYears()) {
    const written = await db.transaction(async (trx) => {
      if (await trx(YEARS).where({ year }).first()) return false;
      const calendar = officialYearCalendar(year)!;
      await writeYear(trx, calendar, OFFICIAL_REGION, SEED_AUTHOR);
      return true;
    });
    if (written) seeded.push(year);
  }
  return seeded;
}
