import { describe, expect, it } from 'vitest';
import { CaseDeadline, type ClockPause } from './deadline.ts';
import { officialYearCalendar } from './official-schedules.ts';
import { provisionalYearCalendar } from './provisional-schedule.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar([officialYearCalendar(2025)!]);

/** Shanghai wall-clock time. */
const at = (local: string): Date => new Date(`${local}+08:00`);

// March 2025 has no holidays: Mon 03-03 … Fri 03-07, weekend 03-08/09, Mon 03-10 …
const acceptedAt = at('2025-03-03T10:00:00');

function deadline(promisedDays: number, pauses: ClockPause[] = []): CaseDeadline {
  return new CaseDeadline(calendar, { acceptedAt, promisedDays, pauses });
}

describe('CaseDeadline due date', () => {
  it('without pauses is the end of the Nth working day after acceptance', () => {
    const plain = deadline(5);
    expect(plain.dueDate).toBe('2025-03-10');
    expect(plain.dueAt?.toISOString()).toBe('2025-03-10T15:59:59.999Z');
    expect(plain.pausedWorkingDays).toBe(0);
  });

  it('gives back a whole working day for a pause of one hour inside it', () => {
    const d = deadline(5, [{ from: at('2025-03-04T10:00:00'), to: at('2025-03-04T11:00:00') }]);
    expect(d.dueDate).toBe('2025-03-11');
    expect(d.pausedWorkingDays).toBe(1);
  });

  it('gives back the start day, the end day and every working day between', () => {
    const d = deadline(5, [{ from: at('2025-03-04T16:00:00'), to: at('2025-03-06T09:00:00') }]);
    // Tue, Wed, Thu given back; counted: Fri 07, Mon 10, Tue 11, Wed 12, Thu 13.
    expect(d.dueDate).toBe('2025-03-13');
    expect(d.pausedWorkingDays).toBe(3);
  });

  it('costs nothing for a pause lying wholly on a weekend or on the acceptance day', () => {
    expect(deadline(5, [{ from: at('2025-03-08T09:00:00'), to: at('2025-03-09T18:00:00') }]).dueDate).toBe('2025-03-10');
    expect(deadline(5, [{ from: at('2025-03-03T11:00:00'), to: at('2025-03-03T15:00:00') }]).dueDate).toBe('2025-03-10');
  });

  it('adds up several pauses and ignores those after the due date', () => {
    const d = deadline(3, [
      { from: at('2025-03-04T09:00:00'), to: at('2025-03-04T10:00:00') }, // Tue back
      { from: at('2025-03-06T14:00:00'), to: at('2025-03-07T08:00:00') }, // Thu, Fri back
      { from: at('2025-03-20T09:00:00'), to: at('2025-03-21T09:00:00') }, // after the due date
    ]);
    // counted: Wed 05, Mon 10, Tue 11.
    expect(d.dueDate).toBe('2025-03-11');
    expect(d.pausedWorkingDays).toBe(3);
  });

  it('is unknown while a pause that began before the limit ran out is still open', () => {
    const d = deadline(5, [{ from: at('2025-03-05T10:00:00') }]);
    expect(d.dueDate).toBeNull();
    expect(d.dueAt).toBeNull();
    expect(d.isPaused).toBe(true);
  });

  it('rejects a negative or fractional promise', () => {
    expect(() => deadline(-1)).toThrow(RangeError);
    expect(() => deadline(2.5)).toThrow(RangeError);
  });
});

describe('CaseDeadline status', () => {
  const d = deadline(5); // due Mon 2025-03-10

  it.each([
    ['2025-03-03T15:00:00', 'green', 5],
    ['2025-03-04T12:00:00', 'green', 4],
    ['2025-03-06T17:00:00', 'green', 2],
    ['2025-03-07T09:00:00', 'yellow', 1],
    ['2025-03-08T09:00:00', 'yellow', 1], // Saturday: still one working day left
    ['2025-03-10T23:59:00', 'yellow', 0],
    ['2025-03-11T00:00:01', 'red', 0],
  ] as const)('at %s is %s with %i working days left', (local, status, left) => {
    expect(d.status(at(local))).toBe(status);
    expect(d.remainingWorkingDays(at(local))).toBe(left);
  });

  it('gives the same answers read in any order of time', () => {
    for (const [local, left] of [['2025-03-06T17:00:00', 2], ['2025-03-04T12:00:00', 4], ['2025-03-06T09:00:00', 2], ['2025-03-11T09:00:00', 0]] as const) {
      expect(d.remainingWorkingDays(at(local))).toBe(left);
    }
  });

  it('hands out a due time a caller cannot move', () => {
    d.dueAt!.setTime(0);
    expect(d.dueAt?.toISOString()).toBe('2025-03-10T15:59:59.999Z');
    expect(d.status(at('2025-03-10T12:00:00'))).toBe('yellow');
  });

  it('counts the working days overdue', () => {
    expect(d.overdueWorkingDays(at('2025-03-10T12:00:00'))).toBe(0);
    expect(d.overdueWorkingDays(at('2025-03-11T09:00:00'))).toBe(1);
    expect(d.overdueWorkingDays(at('2025-03-17T09:00:00'))).toBe(5);
  });

  it('is paused while a pause is open, with the remaining days frozen', () => {
    const paused = deadline(5, [{ from: at('2025-03-05T10:00:00') }]);
    // Only Tue 03-04 ran in full before the pause.
    for (const local of ['2025-03-05T12:00:00', '2025-03-12T12:00:00', '2025-04-30T12:00:00']) {
      expect(paused.status(at(local))).toBe('paused');
      expect(paused.remainingWorkingDays(at(local))).toBe(4);
    }
  });

  it('stays red when the clock is stopped after the limit ran out', () => {
    const late = deadline(2, [{ from: at('2025-03-06T10:00:00') }]); // due Wed 03-05
    expect(late.dueDate).toBe('2025-03-05');
    expect(late.status(at('2025-03-07T10:00:00'))).toBe('red');
  });

  it('runs again once the pause is closed', () => {
    const resumed = deadline(5, [{ from: at('2025-03-05T10:00:00'), to: at('2025-03-07T09:00:00') }]);
    // Wed, Thu, Fri given back; counted Tue 04, Mon 10, Tue 11, Wed 12, Thu 13.
    expect(resumed.dueDate).toBe('2025-03-13');
    expect(resumed.snapshot(at('2025-03-12T10:00:00'))).toEqual({
      status: 'yellow',
      dueDate: '2025-03-13',
      dueAt: new Date('2025-03-13T15:59:59.999Z'),
      remainingWorkingDays: 1,
      overdueWorkingDays: 0,
      pausedWorkingDays: 3,
      provisional: false,
    });
  });

  it('skips holidays and counts make-up days (Spring Festival 2025)', () => {
    const festive = new CaseDeadline(calendar, { acceptedAt: at('2025-01-24T16:00:00'), promisedDays: 3 });
    expect(festive.dueDate).toBe('2025-02-05');
    expect(festive.status(at('2025-01-30T10:00:00'))).toBe('yellow'); // 01-26 and 01-27 used, one left
  });
});

describe('a due date over a year nobody entered', () => {
  it('is computed from the provisional calendar and flagged', () => {
    const withFallback = new WorkingCalendar([officialYearCalendar(2026)!], provisionalYearCalendar);
    // Accepted Mon 2026-12-14, 20 working days: 16 in December (15th–31st less weekends), then 2027.
    const december = new CaseDeadline(withFallback, { acceptedAt: new Date('2026-12-14T10:00:00+08:00'), promisedDays: 20 });
    expect(december.provisional).toBe(true);
    expect(december.dueDate! > '2027-01-01').toBe(true);
    const within = new CaseDeadline(withFallback, { acceptedAt: new Date('2026-11-02T10:00:00+08:00'), promisedDays: 5 });
    expect(within.provisional).toBe(false);
  });
});
