import { describe, expect, it } from 'vitest';
import { officialYearCalendar, WorkingCalendar } from '../calendar/index.ts';
import { applyClockOp, NEW_CLOCK, readClock } from './case-clock.ts';

const calendar = new WorkingCalendar([officialYearCalendar(2025)!]);
const started = applyClockOp(NEW_CLOCK, 'start', '2025-03-03T02:00:00.000Z'); // Mon 10:00 Shanghai

describe('readClock', () => {
  it('has nothing to say without a promise or before the clock started', () => {
    const none = { dueAt: null, status: null, remainingWorkingDays: null, pausedWorkingDays: 0, provisional: false };
    expect(readClock(calendar, started, null, new Date())).toEqual(none);
    expect(readClock(calendar, NEW_CLOCK, 5, new Date())).toEqual(none);
  });

  it('reads the same clock alike each time, and as time passes', () => {
    const first = readClock(calendar, started, 5, new Date('2025-03-04T04:00:00Z'));
    expect(first).toEqual({ dueAt: '2025-03-10T15:59:59.999Z', status: 'green', remainingWorkingDays: 4, pausedWorkingDays: 0, provisional: false });
    expect(readClock(calendar, started, 5, new Date('2025-03-04T04:00:00Z'))).toEqual(first);
    expect(readClock(calendar, started, 5, new Date('2025-03-11T04:00:00Z')).status).toBe('red');
    expect(readClock(calendar, started, 3, new Date('2025-03-04T04:00:00Z')).dueAt).toBe('2025-03-06T15:59:59.999Z');
  });

  it('follows pauses opened and closed on the clock', () => {
    const paused = applyClockOp(started, 'pause', '2025-03-04T02:00:00.000Z');
    expect(readClock(calendar, paused, 5, new Date('2025-03-05T04:00:00Z'))).toMatchObject({ dueAt: null, status: 'paused' });
    const resumed = applyClockOp(paused, 'resume', '2025-03-05T02:00:00.000Z'); // Tue and Wed given back
    expect(readClock(calendar, resumed, 5, new Date('2025-03-05T04:00:00Z'))).toMatchObject({ dueAt: '2025-03-12T15:59:59.999Z', pausedWorkingDays: 2 });
  });

  it('answers from the calendar it is given, not one read before', () => {
    const now = new Date('2025-03-04T04:00:00Z');
    expect(readClock(calendar, started, 5, now).dueAt).toBe('2025-03-10T15:59:59.999Z');
    const edited = new WorkingCalendar([{ year: 2025, days: [{ date: '2025-03-05', kind: 'holiday' }] }]);
    expect(readClock(edited, started, 5, now).dueAt).toBe('2025-03-11T15:59:59.999Z');
  });
});
