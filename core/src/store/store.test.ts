import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { nextCounterValue } from './counters.ts';
import { transact } from './sql/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

describe.each(['sqlite', 'postgres'] as const)('store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(() => t.destroy());

  it('applies every migration once, and a second run is a no-op', async () => {
    expect(await migrate(t.db)).toEqual(MIGRATIONS.map(([name]) => name));
    expect(await migrate(t.db)).toEqual([]);
    expect(await t.db.schema.hasTable('cases')).toBe(true);
  });

  it('hands out counter values gaplessly under concurrency and returns rolled-back ones', async () => {
    const values = await Promise.all(
      Array.from({ length: 40 }, () => transact(t.db, (sql) => nextCounterValue(sql, 'test:gapless'))),
    );
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await expect(
      transact(t.db, async (sql) => {
        await nextCounterValue(sql, 'test:gapless');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await transact(t.db, (sql) => nextCounterValue(sql, 'test:gapless'))).toBe(41);
  });
});
