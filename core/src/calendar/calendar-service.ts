import type { Knex } from 'knex';
import { CalendarYearMissingError } from './calendar-year-missing-error.ts';
import { listYears, loadYear, saveYear, type YearCalendarRecord } from './calendar-store.ts';
import { provisionalYearCalendar } from './provisional-schedule.ts';
import { WorkingCalendar } from './working-calendar.ts';
import type { YearCalendar } from './year-calendar.ts';

export interface CalendarServiceOptions {
  /**
   * How long a loaded year (or the knowledge that it has no data) is trusted. Saving through this
   * service refreshes it at once; the limit bounds how long another server of the same deployment
   * can go on with an old copy.
   */
  maxAgeMs?: number;
  now?: () => number;
}

interface CachedYear {
  /** null: no schedule entered; the provisional one stands in. */
  record: YearCalendarRecord | null;
  loadedAt: number;
}

/**
 * Holds the entered years in memory and serves synchronous working-day arithmetic over them. A
 * year nobody entered is not an error: the calendar computes it provisionally (statutory holidays,
 * provisional-schedule.ts) and says so (`WorkingCalendar.isProvisional`), so the counter never stops.
 * `loadAll` runs before the server takes its first request; `ensureYears` refreshes years whose copy
 * is older than maxAgeMs (another server may have saved them).
 */
export class CalendarService {
  readonly #db: Knex;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<number, CachedYear>();
  #calendar: WorkingCalendar | null = null;

  constructor(db: Knex, options: CalendarServiceOptions = {}) {
    this.#db = db;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60 * 1000;
    this.#now = options.now ?? Date.now;
  }

  #isFresh(year: number): boolean {
    const cached = this.#cache.get(year);
    return cached !== undefined && this.#now() - cached.loadedAt <= this.#maxAgeMs;
  }

  #remember(year: number, record: YearCalendarRecord | null): void {
    this.#cache.set(year, { record, loadedAt: this.#now() });
    this.#calendar = null;
  }

  /** Loads every entered year: the calendar a restarted server answers with from its first request. */
  async loadAll(): Promise<WorkingCalendar> {
    for (const year of await listYears(this.#db)) this.#remember(year, await loadYear(this.#db, year));
    return this.calendar();
  }

  /** Refreshes the years from..to (inclusive) unless their copy is fresh; a year with no data stays provisional. */
  async ensureYears(from: number, to: number = from): Promise<WorkingCalendar> {
    for (let year = from; year <= to; year += 1) {
      if (!this.#isFresh(year)) this.#remember(year, await loadYear(this.#db, year));
    }
    return this.calendar();
  }

  /** The calendar over the years loaded so far; any other year is provisional. */
  calendar(): WorkingCalendar {
    this.#calendar ??= new WorkingCalendar(
      [...this.#cache.values()].flatMap((cached) => (cached.record ? [cached.record] : [])),
      provisionalYearCalendar,
    );
    return this.#calendar;
  }

  /** Whether the year has an entered schedule, as far as this server knows. */
  isRecorded(year: number): boolean {
    return Boolean(this.#cache.get(year)?.record);
  }

  /** The stored year (fresh from the store), or null when it has no data. */
  async getYear(year: number): Promise<YearCalendarRecord | null> {
    const record = await loadYear(this.#db, year);
    this.#remember(year, record);
    return record;
  }

  /** Validates and stores a whole year, then reloads it. */
  async saveYear(calendar: YearCalendar, updatedBy: string): Promise<YearCalendarRecord> {
    await saveYear(this.#db, calendar, updatedBy);
    const record = await this.getYear(calendar.year);
    if (!record) throw new CalendarYearMissingError(calendar.year);
    return record;
  }

  /** Forget one year, or every year (they are read again on the next ensureYears). */
  invalidate(year?: number): void {
    if (year === undefined) this.#cache.clear();
    else this.#cache.delete(year);
    this.#calendar = null;
  }
}
