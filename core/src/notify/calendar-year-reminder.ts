// An in-app message to every administrator naming a working-day calendar year that is still to be
// entered (calendar/missing-years.ts): once per administrator and year, however often it runs (the
// sweeper's round runs it).
import type { Knex } from 'knex';
import type { MissingYear } from '../calendar/index.ts';
import { readJson } from '../store/index.ts';

export const CALENDAR_YEAR_LINK = 'calendar-year';

/** Writes the messages not written yet; returns how many it wrote. */
export async function remindMissingCalendarYears(db: Knex, missing: readonly MissingYear[], now: Date): Promise<number> {
  if (missing.length === 0) return 0;
  const admins = (await db('users').where({ active: true }).select('id', 'roles'))
    .filter((u: { roles: unknown }) => readJson<string[]>(u.roles).includes('admin'))
    .map((u: { id: string }) => u.id);
  let written = 0;
  for (const { year, message } of missing) {
    const told = new Set(await db('inbox_messages').where({ link_kind: CALENDAR_YEAR_LINK, link_id: String(year) }).pluck('user_id'));
    const rows = admins
      .filter((id) => !told.has(id))
      .map((id) => ({ user_id: id, case_id: null, title: `请录入 ${year} 年工作日历`, body: message, read_at: null, created_at: now.toISOString(), link_kind: CALENDAR_YEAR_LINK, link_id: String(year) }));
    if (rows.length > 0) await db('inbox_messages').insert(rows);
    written += rows.length;
  }
  return written;
}
