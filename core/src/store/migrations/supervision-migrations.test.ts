// Migrations 0040–0047 (after the others since) on a store that already holds evaluations: each is judged against
// its case's organisation and item, a bad one becomes an open rectification with its deadlines
// (due where the old row said), and the statistics' rollups count them.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { MIGRATIONS } from './index.ts';

describe.each(['sqlite', 'postgres'] as const)('supervision migrations on %s', (kind) => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.destroy());

  it('turns earlier evaluations into judged rows and their bad ones into open work orders', async () => {
    t = await createTestDatabase(kind, { migrate: false });
    const db = t.db;
    // A store as of 0006, the last migration before this work began; everything after runs over its rows.
    const first = MIGRATIONS.findIndex(([name]) => name > '0007');
    for (const [, m] of MIGRATIONS.slice(0, first)) await m.up(db);
    const at = '2025-03-03T02:00:00.000Z';
    await db('orgs').insert({ id: 'wx', code: 'wx', name: '五泄镇便民服务中心', short_name: '五泄便', level: 'township', created_at: at });
    const kase = (id: string) => ({
      id, number: `N-${id}`, item_code: 'elderly-allowance', item_version: '1.0.0', receiving_org_id: 'wx', current_org_id: 'wx', state: 'concluded', open: false,
      snapshot: '{}', data: '{}', materials: '{}', applicant: '{}', channel: 'window', version: 5, created_by: 'u1', received_at: at, clock: '{}', settings: '{}', updated_at: at,
    });
    await db('cases').insert([kase('c1'), kase('c2')]);
    await db('evaluations').insert([
      { case_id: 'c1', level: 5, channel: 'public', created_at: at },
      { case_id: 'c2', level: 1, comment: '差', channel: 'public', created_at: '2025-03-03T17:00:00.000Z', rectification_due_at: '2025-03-10T17:00:00.000Z' },
    ]);
    for (const [, m] of MIGRATIONS.slice(first)) await m.up(db);

    const evaluations = await db('evaluations').orderBy('case_id').select('case_id', 'org_id', 'item_code', 'staff_id', 'day', 'channel');
    // 17:00 UTC is 01:00 the next day in Shanghai.
    expect(evaluations).toEqual([
      { case_id: 'c1', org_id: 'wx', item_code: 'elderly-allowance', staff_id: 'u1', day: '2025-03-03', channel: 'portal' },
      { case_id: 'c2', org_id: 'wx', item_code: 'elderly-allowance', staff_id: 'u1', day: '2025-03-04', channel: 'portal' },
    ]);
    const [r] = await db('rectifications').select('number', 'case_id', 'status', 'due_at', 'source', 'level');
    expect(r).toEqual({ number: '五泄便整〔2025〕1号', case_id: 'c2', status: 'open', due_at: '2025-03-10T17:00:00.000Z', source: 'evaluation', level: 1 });
    expect(await db('supervision_deadlines').orderBy('kind').pluck('kind')).toEqual(['overdue', 'warning']);
    expect(await db('rectification_events').pluck('type')).toEqual(['OPEN']);
    const rollup = await db('supervision_daily').orderBy('day').select('day', 'evaluations', 'good', 'bad');
    expect(rollup.map((x: Record<string, unknown>) => ({ ...x, evaluations: Number(x.evaluations), good: Number(x.good), bad: Number(x.bad) }))).toEqual([
      { day: '2025-03-03', evaluations: 1, good: 1, bad: 0 },
      { day: '2025-03-04', evaluations: 1, good: 0, bad: 1 },
    ]);
    // The next work order of the year continues the series.
    expect(Number((await db('counters').where({ scope: 'doc:wx:整:2025' }).first('value')).value)).toBe(1);
  });
});
