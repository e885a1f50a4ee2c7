import { describe, expect, it } from 'vitest';
import { deemedAccepted, oneTimeNoticeDeadline } from './deemed-acceptance.ts';
import { officialYearCalendar } from './official-schedules.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar([officialYearCalendar(2025)!]);
const at = (local: string): Date => new Date(`${local}+08:00`);

// Received Fri 2025-01-24; five working days: Sun 01-26 (make-up), Mon 01-27, then after Spring
// Festival Wed 02-05, Thu 02-06, Fri 02-07.
const receivedAt = at('2025-01-24T10:00:00');

describe('art. 32 deemed acceptance', () => {
  it('allows five working days after the day of receipt for the one-time notice', () => {
    expect(oneTimeNoticeDeadline(calendar, receivedAt).toISOString()).toBe('2025-02-07T15:59:59.999Z');
  });

  it('is not deemed accepted while the five days are still running', () => {
    expect(deemedAccepted(calendar, receivedAt, null, at('2025-02-07T20:00:00'))).toBe(false);
  });

  it('is deemed accepted once the five days passed with no notice', () => {
    expect(deemedAccepted(calendar, receivedAt, null, at('2025-02-08T00:00:01'))).toBe(true);
  });

  it('is not deemed accepted when the notice came in time', () => {
    expect(deemedAccepted(calendar, receivedAt, at('2025-02-07T17:00:00'), at('2025-03-01T09:00:00'))).toBe(false);
  });

  it('is deemed accepted when the notice came too late', () => {
    expect(deemedAccepted(calendar, receivedAt, at('2025-02-10T09:00:00'), at('2025-02-10T09:05:00'))).toBe(true);
  });
});
