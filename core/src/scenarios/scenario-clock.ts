// The clock a scenario runs on: it starts at the scenario's `startAt`, moves a minute per step and
// jumps whole working days when a step says so, so due dates in fixtures are reproducible.
import type { WorkingCalendar } from '../calendar/index.ts';

export const DEFAULT_SCENARIO_START = '2025-03-03T09:00:00+08:00';

export class ScenarioClock {
  #now: Date;

  constructor(start: string = DEFAULT_SCENARIO_START) {
    this.#now = new Date(start);
  }

  now = (): Date => new Date(this.#now);

  set(at: string | Date): void {
    this.#now = new Date(at);
  }

  tick(minutes = 1): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000);
  }

  /** Same time of day, `days` working days later. */
  advanceWorkingDays(calendar: WorkingCalendar, days: number): void {
    if (days <= 0) return;
    const target = calendar.dueAt(this.#now, days);
    const shanghaiMs = (d: Date) => (d.getTime() + 8 * 3600_000) % 86_400_000;
    const dayStart = target.getTime() - shanghaiMs(target);
    this.#now = new Date(dayStart + shanghaiMs(this.#now));
  }
}
