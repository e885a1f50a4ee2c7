import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../store/migrations/0003_calendar.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { saveYear, seedOfficialYears } from './calendar-store.ts';
import { CalendarService } from './calendar-service.ts';
import { officialYearCalendar } from './official-schedules.ts';

describe('CalendarService', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite', { migrate: false });
    await up(t.db);
    await seedOfficialYears(t.db);
  });
  afterAll(() => t?.destroy());

  it('loads the years asked for and computes synchronously over them', async () => {
    const service = new CalendarService(t.db);
    const calendar = await service.ensureYears(2025, 2026);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(service.calendar().hasYear(2024)).toBe(false);
  });

  it('computes a year nobody entered provisionally instead of stopping', async () => {
    const service = new CalendarService(t.db);
    const calendar = await service.ensureYears(2026, 2027);
    expect(service.isRecorded(2027)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // 正月初三
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('loads every entered year at once, before any computation asks for one', async () => {
    const service = new CalendarService(t.db);
    const calendar = await service.loadAll();
    expect([2024, 2025, 2026].map((y) => service.isRecorded(y))).toEqual([true, true, true]);
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // a make-up Saturday only the entered year knows
  });

  it('sees its own saves at once', async () => {
    const service = new CalendarService(t.db);
    await service.ensureYears(2024);
    expect(service.calendar().isWorkingDay('2024-03-04')).toBe(true);
    const calendar2024 = officialYearCalendar(2024)!;
    const saved = await service.saveYear(
      { ...calendar2024, days: [...calendar2024.days, { date: '2024-03-04', kind: 'holiday', name: '本地节日' }] },
      'admin:zhao',
    );
    expect(saved.updatedBy).toBe('admin:zhao');
    expect(service.calendar().isWorkingDay('2024-03-04')).toBe(false);
  });

  it('trusts a loaded year for maxAgeMs, then reloads what another server saved', async () => {
    let clock = 0;
    const service = new CalendarService(t.db, { maxAgeMs: 1000, now: () => clock });
    await service.ensureYears(2026);
    expect(service.calendar().isWorkingDay('2026-03-02')).toBe(true);
    await saveYear(t.db, { year: 2026, days: [{ date: '2026-03-02', kind: 'holiday' }] }, 'admin:other-server');

    clock = 500;
    expect((await service.ensureYears(2026)).isWorkingDay('2026-03-02')).toBe(true);
    clock = 1500;
    expect((await service.ensureYears(2026)).isWorkingDay('2026-03-02')).toBe(false);
  });
});
