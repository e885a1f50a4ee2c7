import type { Knex } from 'knex';
import { CalendarYearMissingError } from './calendar-year-missing-error.ts';
import { loadYear, saveYear, type YearCalendarRecord } from './calendar-store.ts';
import { WorkingCalendar } from './working-calendar.ts';
import type { YearCalendar } from './year-calendar.ts';

export interface CalendarServiceOptions {
  /**
   * How long a loaded year is trusted. Saving through this service refreshes it at once; the
   * limit bounds how long another server of the same deployment can go on with an old copy.
   */
  maxAgeMs?: number;
  now?: () => number;
}

interface CachedYear {
  record: YearCalendarRecord;
  loadedAt: number;
}

/**
 * Loads years from the store once and serves synchronous working-day arithmetic over them.
 * Call ensureYears for every year a computation may reach (e.g. this year and the next).
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

  /** Loads the years from..to (inclusive) unless cached; throws CalendarYearMissingError for one with no data. */
  async ensureYears(from: number, to: number = from): Promise<WorkingCalendar> {
    for (let year = from; year <= to; year += 1) {
      if (this.#isFresh(year)) continue;
      const record = await loadYear(this.#db, year);
      if (!record) {
        this.invalidate(year);
        throw new CalendarYearMissingError(year);
      }
      this.#cache.set(year, { record, loadedAt: this.#now() });
      this.#calendar = null;
    }
    return this.calendar();
  }

  /** The calendar over the years loaded so far; years not loaded throw when reached. */
  calendar(): WorkingCalendar {
    this.#calendar ??= new WorkingCalendar([...this.#cache.values()].map((cached) => cached.record));
    return this.#calendar;
  }

  /** The stored year (fresh from the store), or null when it has no data. */
  async getYear(year: number): Promise<YearCalendarRecord | null> {
    const record = await loadYear(this.#db, year);
    if (record) this.#cache.set(year, { record, loadedAt: this.#now() });
    else this.invalidate(year);
    this.#calendar = null;
    return record;
  }

  /** Validates and stores a whole year, then reloads it. */
  async saveYear(calendar: YearCalendar, updatedBy: string): Promise<YearCalendarRecord> {
    this.invalidate(calendar.year);
    await saveYear(this.#db, calendar, updatedBy);
    const record = await this.getYear(calendar.year);
    if (!record) throw new CalendarYearMissingError(calendar.year);
    return record;
  }

  /** Forget one year, or every year. */
  invalidate(year?: number): void {
    if (year === undefined) this.#cache.clear();
    else this.#cache.delete(year);
    this.#calendar = null;
  }
}
