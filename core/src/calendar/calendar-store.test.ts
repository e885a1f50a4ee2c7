import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../store/migrations/0003_calendar.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { InvalidYearCalendarError, listYears, loadYear, saveYear, SEED_AUTHOR, seedOfficialYears } from './calendar-store.ts';
import { officialYearCalendar } from './official-schedules.ts';

describe.each(['sqlite', 'postgres'] as const)('calendar store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
    await up(t.db);
  });
  afterAll(() => t?.destroy());

  it('has no data for a year nobody entered', async () => {
    expect(await loadYear(t.db, 2025)).toBeNull();
  });

  it('seeds the official years once', async () => {
    expect(await seedOfficialYears(t.db)).toEqual([2024, 2025, 2026]);
    expect(await seedOfficialYears(t.db)).toEqual([]);
    expect(await listYears(t.db)).toEqual([2024, 2025, 2026]);
    const stored = await loadYear(t.db, 2025);
    expect(stored).toMatchObject({ ...officialYearCalendar(2025), updatedBy: SEED_AUTHOR });
    expect(stored?.days).toEqual(officialYearCalendar(2025)!.days);
    expect(stored?.updatedAt).toBeInstanceOf(Date);
    expect(Number.isNaN(stored!.updatedAt.getTime())).toBe(false);
  });

  it('replaces a whole year on save and keeps it through a later seeding', async () => {
    await saveYear(
      t.db,
      {
        year: 2025,
        region: '浙江省诸暨市',
        days: [
          { date: '2025-02-03', kind: 'holiday', name: '春节' },
          { date: '2025-03-08', kind: 'workday' },
        ],
      },
      'admin:wang',
    );
    expect(await seedOfficialYears(t.db)).toEqual([]);
    const stored = await loadYear(t.db, 2025);
    expect(stored).toMatchObject({ year: 2025, region: '浙江省诸暨市', updatedBy: 'admin:wang' });
    expect(stored?.days).toEqual([
      { date: '2025-02-03', kind: 'holiday', name: '春节' },
      { date: '2025-03-08', kind: 'workday' },
    ]);
    expect((await loadYear(t.db, 2026))?.days).toEqual(officialYearCalendar(2026)!.days);
  });

  it('stores a year with no exception days as a known year', async () => {
    await saveYear(t.db, { year: 2031, days: [] }, 'admin:wang');
    expect(await loadYear(t.db, 2031)).toMatchObject({ year: 2031, region: '全国', days: [] });
  });

  it('refuses an invalid year without touching what is stored', async () => {
    const before = await loadYear(t.db, 2026);
    const attempt = saveYear(t.db, { year: 2026, days: [{ date: '2026-03-04', kind: 'workday' }] }, 'admin:li');
    await expect(attempt).rejects.toBeInstanceOf(InvalidYearCalendarError);
    await expect(attempt).rejects.toMatchObject({ problems: [{ pointer: '/days/0/kind' }] });
    expect(await loadYear(t.db, 2026)).toEqual(before);
  });

  it('lets the database itself refuse an unknown kind of day', async () => {
    await expect(t.db('calendar_days').insert({ date: '2026-03-03', year: 2026, kind: 'weekend' })).rejects.toThrow();
  });

  it('migrates down cleanly', async () => {
    await down(t.db);
    expect(await t.db.schema.hasTable('calendar_days')).toBe(false);
    expect(await t.db.schema.hasTable('calendar_years')).toBe(false);
  });
});
