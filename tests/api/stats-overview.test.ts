// The case statistics (GET /api/stats/overview) against a hand-built month of cases whose outcomes
// are known, on SQLite and PostgreSQL; and the fold that keeps them (core/src/stats/fold-case-events.ts):
// exactly once across batches, a failed fold and a restart, and on PostgreSQL never past an event
// whose transaction has not committed yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldCaseEvents, type FoldOptions, type StatsDeps } from '../../core/src/stats/index.ts';
import { openDatabase } from '../../core/src/store/index.ts';
import { PHONE4 } from '../support/supervision.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const at = (iso: string) => {
  s.clock.now = new Date(iso);
};

async function create(username: string, itemCode: string): Promise<string> {
  const res = await s.call(await s.login(username), 'POST', '/api/cases', { itemCode, data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function step(username: string, id: string, type: string, payload?: Record<string, unknown>) {
  const res = await s.call(await s.login(username), 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) });
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

const conclude = async (id: string) => {
  await step('clerk-wx', id, 'SEAL');
  await step('clerk-wx', id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' });
};

const promisedApproved = async (id: string) => {
  for (let i = 0; i < 3; i += 1) await step('approver-wx', id, 'APPROVE', { opinion: '同意' });
};

const overview = async (username: string, query: string) => {
  const res = await s.call(await s.login(username), 'GET', `/api/stats/overview?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const MARCH = 'from=2025-03-01&to=2025-03-31';

/**
 * Folds until the cursor has passed every event. On PostgreSQL a fold stops before any transaction
 * still open on the server — other test files' too — so it may take a few rounds.
 */
async function foldAll(deps: StatsDeps, options: FoldOptions = {}): Promise<number> {
  const db = deps.db;
  const events = Number((await db('case_events').count({ n: '*' }))[0]!.n);
  for (let round = 0; round < 200; round += 1) {
    await foldCaseEvents(deps, options);
    const folded = Number((await db('stats_cursors').where({ name: 'case-events' }).first()).folded);
    if (folded >= events) return folded;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the fold did not reach the end of the event log');
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
    // Monday 2025-03-03, 09:00: ten cases of known outcomes.
    at('2025-03-03T09:00:00+08:00');
    const quick = await create('clerk-wx', 't-immediate');
    const slow = await create('clerk-wx', 't-immediate');
    const onTime = await create('clerk-wx', 't-promised');
    const late = await create('clerk-wx', 't-promised');
    const refused = await create('clerk-wx', 't-promised');
    const referred = await create('clerk-wx', 't-returned');
    const withdrawn = await create('clerk-wx', 't-promised');
    const overdue = await create('clerk-wx', 't-promised');
    await create('agent-wx-ssd', 't-reported');
    await create('clerk-fq', 't-immediate');
    at('2025-03-03T09:20:00+08:00');
    for (const id of [quick, slow]) await step('clerk-wx', id, 'ACCEPT');
    await step('clerk-wx', quick, 'APPROVE', { opinion: '同意' });
    await conclude(quick); // 20 minutes: within the 60-minute target
    for (const id of [onTime, late, overdue]) await step('clerk-wx', id, 'ACCEPT');
    await step('clerk-wx', refused, 'REFUSE', { reason: '不属于本中心受理范围' });
    await step('clerk-wx', referred, 'REFER', { reason: '供水开户由供水企业办理' });
    await step('clerk-wx', withdrawn, 'WITHDRAW', { reason: '申请人撤回' });
    at('2025-03-03T11:00:00+08:00');
    await step('clerk-wx', slow, 'APPROVE', { opinion: '同意' });
    await conclude(slow); // two hours: past the target
    at('2025-03-05T10:00:00+08:00');
    await promisedApproved(onTime);
    await conclude(onTime); // 2 working days, due 2025-03-10 or later
    at('2025-03-14T10:00:00+08:00');
    await promisedApproved(late);
    await conclude(late); // 9 working days: late
    // A 非常满意 for the quick one.
    const number = (await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${quick}`)).body.number;
    expect((await s.call(null, 'POST', `/api/public/cases/${encodeURIComponent(number)}/evaluation`, { phone4: PHONE4, level: 5 })).status).toBe(201);
    at('2025-03-14T12:00:00+08:00');
  });
  afterAll(() => s?.close());

  it('counts the county month: received, accepted, concluded, refused, referred, withdrawn, on time, within target, working days, overdue, agent, 好评率', async () => {
    const county = await overview('supervisor', MARCH);
    expect(county.org).toEqual({ id: 'zj', name: '诸暨市政务服务中心', level: 'county' });
    expect(county.total).toEqual({
      received: 10, accepted: 5, concluded: 4, refused: 1, referred: 1, withdrawn: 1,
      onTime: 1, onTimeRate: 0.5, immediateConcluded: 2, immediateWithinTarget: 1, immediateWithinTargetRate: 0.5,
      meanWorkingDays: 2.75, overdueOpen: 2, agent: 1, evaluations: 1, good: 1, goodRate: 1, rectificationRate: null,
      appointments: 0, meanWaitingMinutes: null,
    });
    // Rolled up: 五泄's row holds its villages'.
    expect(county.rows.map((r: { key: string; received: number; overdueOpen: number; agent: number }) => [r.key, r.received, r.overdueOpen, r.agent])).toEqual([
      ['wx', 9, 1, 1],
      ['fq', 1, 1, 0],
    ]);
  });

  it('drills down to the township: its own counter and each village, and groups by kind, channel, staff, day and month', async () => {
    const township = await overview('head-wx', `${MARCH}&groupBy=org`);
    expect(township.total.received).toBe(9);
    expect(township.rows.map((r: { key: string; name: string; received: number }) => [r.key, r.name, r.received])).toEqual([
      ['wx', '诸暨市五泄镇便民服务中心（本级）', 8],
      ['wx-ssd', '五泄镇十四都村便民服务站', 1],
      ['wx-qk', '五泄镇青口村便民服务站', 0],
    ]);
    const village = await overview('supervisor', `${MARCH}&orgId=wx-ssd`);
    expect(village.total).toMatchObject({ received: 1, agent: 1, accepted: 0, overdueOpen: 0 });

    const byKind = await overview('head-wx', `${MARCH}&groupBy=kind`);
    expect(byKind.rows.map((r: { name: string; received: number; concluded: number }) => [r.name, r.received, r.concluded])).toEqual([
      ['承诺件', 5, 2], ['即办件', 2, 2], ['上报件', 1, 0], ['退办件', 1, 0],
    ]);
    expect(byKind.rows.find((r: { key: string }) => r.key === 'promised')).toMatchObject({ onTime: 1, onTimeRate: 0.5, meanWorkingDays: 5.5, overdueOpen: 1 });
    const byItem = await overview('head-wx', `${MARCH}&groupBy=item`);
    expect(byItem.rows[0]).toMatchObject({ key: 't-promised', name: '测试事项t-promised', received: 5, refused: 1, withdrawn: 1 });
    expect((await overview('head-wx', `${MARCH}&groupBy=department`)).rows).toMatchObject([{ key: '民政', received: 9 }]);
    const byChannel = await overview('head-wx', `${MARCH}&groupBy=channel`);
    expect(byChannel.rows).toMatchObject([{ key: 'window', name: '窗口', received: 9, overdueOpen: null, evaluations: null }]);
    const byStaff = await overview('head-wx', `${MARCH}&groupBy=staff`);
    expect(byStaff.rows.map((r: { name: string; received: number; good: number }) => [r.name, r.received, r.good])).toEqual([['五泄窗口', 8, 1], ['十四都代办员', 1, 0]]);

    const byDay = await overview('head-wx', `${MARCH}&groupBy=day`);
    expect(byDay.rows).toHaveLength(31);
    const day = (d: string) => byDay.rows.find((r: { key: string }) => r.key === d);
    expect(day('2025-03-03')).toMatchObject({ received: 9, accepted: 5, concluded: 2, refused: 1, referred: 1, withdrawn: 1, good: 0 });
    expect(day('2025-03-05')).toMatchObject({ received: 0, concluded: 1, onTime: 1 });
    expect(day('2025-03-14')).toMatchObject({ concluded: 1, onTime: 0, meanWorkingDays: 9, evaluations: 1, good: 1 });
    expect(day('2025-03-20')).toMatchObject({ received: 0, concluded: 0, meanWorkingDays: null });
    const byMonth = await overview('head-wx', 'from=2025-01-01&to=2025-12-31&groupBy=month');
    expect(byMonth.rows.map((r: { key: string }) => r.key)).toHaveLength(12);
    expect(byMonth.rows[2]).toMatchObject({ key: '2025-03', received: 9, concluded: 4 });

    const april = await overview('head-wx', 'from=2025-04-01&to=2025-04-30');
    expect(april.total).toMatchObject({ received: 0, concluded: 0, onTimeRate: null, meanWorkingDays: null, goodRate: null, overdueOpen: 1 });
  });

  it('refuses a period the wrong way round, an organisation outside the user’s scope and a year of days', async () => {
    const head = await s.login('head-wx');
    const backwards = await s.call(head, 'GET', '/api/stats/overview?from=2025-04-01&to=2025-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].pointer).toBe('/from');
    expect((await s.call(head, 'GET', '/api/stats/overview?orgId=fq')).status).toBe(404);
    expect((await s.call(head, 'GET', '/api/stats/overview?from=2024-01-01&to=2025-03-01&groupBy=day')).status).toBe(400);
    expect((await s.call(head, 'GET', '/api/stats/overview?groupBy=weekday')).status).toBe(400);
    expect((await s.call(null, 'GET', '/api/stats/overview')).status).toBe(401);
  });

  it('folds every event exactly once across small batches, a fold that fails halfway and a restart', async () => {
    const db = s.database.db;
    const deps = s.started.runtime.stats;
    const snapshot = async () => db('case_stats_daily').orderBy(['org_id', 'day', 'item_code', 'channel', 'staff_id']).select();
    const events = Number((await db('case_events').count({ n: '*' }))[0]!.n);
    expect(await foldAll(deps)).toBe(events);
    const expected = await snapshot();

    // Fold the whole log again from the start, three events per transaction.
    await db('case_stats_daily').del();
    await db('stats_cursors').update({ txid: 0, event_id: 0, folded: 0 });
    await foldCaseEvents(deps, { batch: 3, maxBatches: 2 });
    // A fold that fails in its batch (an item it cannot read) leaves counters and cursor as they were.
    let calls = 0;
    const failing = { ...deps, item: (code: string, version?: string) => {
      if ((calls += 1) > 1) throw new Error('registry unavailable');
      return deps.item(code, version);
    } };
    const before = await db('stats_cursors').first();
    await expect(foldCaseEvents(failing, { batch: 50 })).rejects.toThrow('registry unavailable');
    expect(await db('stats_cursors').first()).toEqual(before);
    // A restarted server: new dependencies, the cursor from the database.
    expect(await foldAll({ ...deps }, { batch: 3 })).toBe(events);
    expect(await snapshot()).toEqual(expected);
    expect(await foldCaseEvents(deps)).toBe(0);
  });

  it.runIf(kind === 'postgres')('does not fold past an event whose transaction is still open, yet counts what has committed behind it', async () => {
    const db = s.database.db;
    const deps = s.started.runtime.stats;
    await foldAll(deps);
    const received = async () => (await overview('supervisor', MARCH)).total.received as number;
    const folded = async () => Number((await db('stats_cursors').first()).folded);
    const start = await received();
    // Another connection holds an event uncommitted (a long step); a case received after it commits first.
    const other = openDatabase({ url: s.database.url!, schema: s.database.schema! });
    const trx = await other.transaction();
    const anyCase = await trx('cases').first('id');
    await trx('case_events').insert({ case_id: anyCase.id, seq: 999, type: 'NOTE', payload: '{}', to_state: 'received', at: new Date().toISOString() });
    at('2025-03-14T12:30:00+08:00');
    await create('clerk-wx', 't-immediate');
    const before = await folded();
    expect(await foldCaseEvents(deps)).toBe(0);
    // Not folded, but a read counts it: it has committed.
    expect(await received()).toBe(start + 1);
    await trx.rollback();
    await other.destroy();
    expect(await foldAll(deps)).toBe(before + 1);
    expect(await received()).toBe(start + 1);
  });
});
