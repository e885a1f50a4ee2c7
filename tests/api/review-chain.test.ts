// Review steps decided at named levels (issue 21, point 3): a case received at a village, 初审 by the
// township's clerk, 公示 for 5 working days that the calendar enforces, 审核 by the county's
// approver, who sends it back once (退回补充) before approving; sealed at the county and delivered
// at the village. And the load-time checks of such steps.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../core/src/cases/index.ts';
import { discoverPlugins, loadPlugins } from '../../core/src/plugin-loading/index.ts';
import { itemChecks } from '../../core/src/runtime/item-checks.ts';
import { ItemRuntime } from '../../core/src/cases/index.ts';
import { applicationData, TEST_ITEMS, testItem, writeTestPlugin } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const chain = testItem('t-chain', {
  kind: 'promised',
  promisedDays: 20,
  reviewSteps: [
    { id: 'firstReview', name: '初审', role: 'clerk', level: 'township' },
    { id: 'publicity', name: '公示', role: 'clerk', level: 'township', special: 'publicity', days: 5 },
    { id: 'countyReview', name: '审核', role: 'approver', level: 'county' },
  ],
}, { level: 'village' });

let s: TestServer;
const sweep = () => sweepDeadlines(s.database.db, s.started.runtime.engine, 'test-sweeper', new Date(s.clock.now));

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    const dir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-chain-')), 'plugin'), [...TEST_ITEMS, chain]);
    s = await startTestServer({ kind, runtime: { pluginFolders: [dir] } });
  });
  afterAll(() => s?.close());

  it('runs 初审 at the township, 公示 by the calendar and 审核 at the county, returned once and then approved', async () => {
    s.clock.now = new Date('2025-03-03T09:00:00+08:00');
    const agent = await s.login('agent-wx-ssd');
    const created = await s.call(agent, 'POST', '/api/cases', { itemCode: 't-chain', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const send = async (user: string, type: string, payload?: object) => {
      s.clock.now = new Date(s.clock.now.getTime() + 60_000);
      return s.call(await s.login(user), 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) });
    };
    const view = async (user: string) => (await s.call(await s.login(user), 'GET', `/api/cases/${id}`)).body;

    expect((await send('agent-wx-ssd', 'ACCEPT')).body.state).toBe('reviewing.firstReview');
    const atTownship = await view('clerk-wx');
    expect(atTownship.actions).toEqual(expect.arrayContaining(['APPROVE', 'DENY', 'RETURN_FOR_SUPPLEMENT']));
    expect((await view('agent-wx-ssd')).actions).not.toContain('APPROVE'); // 初审 is the township's
    expect((await send('agent-wx-ssd', 'APPROVE', { opinion: '同意' })).status).toBe(409); // no one at the village may

    const publicity = await send('clerk-wx', 'APPROVE', { opinion: '初审同意，公示' });
    expect(publicity.body.state).toBe('reviewing.publicity');
    const end = publicity.body.deadlines.timers.find((t: { kind: string }) => t.kind === 'publicity-end');
    // Monday 03-03 + 5 working days: to the end of Monday 03-10.
    expect(end?.dueAt).toBe('2025-03-10T15:59:59.999Z');
    expect((await view('clerk-wx')).actions).not.toContain('APPROVE');
    expect((await send('clerk-wx', 'APPROVE', { opinion: '公示无异议' })).status).toBe(409);

    s.clock.now = new Date('2025-03-10T17:00:00+08:00');
    await sweep();
    expect((await view('clerk-wx')).actions).not.toContain('APPROVE'); // the 5th day has not ended
    s.clock.now = new Date('2025-03-11T09:00:00+08:00');
    expect((await sweep()).events).toBe(1);
    expect((await view('clerk-wx')).history.map((h: { event: string }) => h.event)).toContain('PUBLICITY_ENDED');

    expect((await send('clerk-wx', 'APPROVE', { opinion: '公示期满无异议' })).body.state).toBe('reviewing.countyReview');
    // The case is in the county's queue now, not the township's.
    const countyQueue = await s.call(await s.login('approver-zj'), 'GET', '/api/cases?itemCode=t-chain');
    expect(countyQueue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await send('clerk-wx', 'APPROVE', { opinion: '?' })).status).toBe(409);

    const noReason = await send('approver-zj', 'RETURN_FOR_SUPPLEMENT', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].pointer).toBe('/payload/reason');
    const returned = await send('approver-zj', 'RETURN_FOR_SUPPLEMENT', { reason: '请补充申请人家庭收入证明' });
    expect(returned.body.state).toBe('reviewing.publicity');
    expect((await view('clerk-wx')).actions).toContain('APPROVE'); // the publicity period stays over

    expect((await send('clerk-wx', 'APPROVE', { opinion: '已补充收入证明' })).body.state).toBe('reviewing.countyReview');
    expect((await send('approver-zj', 'APPROVE', { opinion: '审核同意' })).body.state).toBe('approved');
    expect((await send('approver-zj', 'SEAL')).body.state).toBe('delivering');
    const done = await send('agent-wx-ssd', 'DELIVER', { mode: 'window-pickup', recipientName: '张三' });
    expect(done.body.state).toBe('concluded');
    const events = done.body.history.map((h: { event: string }) => h.event);
    expect(events).toEqual(['RECEIVE', 'ACCEPT', 'APPROVE', 'PUBLICITY_ENDED', 'APPROVE', 'RETURN_FOR_SUPPLEMENT', 'APPROVE', 'APPROVE', 'SEAL', 'DELIVER']);
  });
});

describe('load-time checks of review steps', () => {
  it('refuses a step below the item\'s level, levels going down, and a publicity step without days', async () => {
    const bad = testItem('t-bad-chain', {
      kind: 'promised',
      promisedDays: 10,
      reviewSteps: [
        { id: 'a', name: '村级初审', role: 'agent', level: 'village' },
        { id: 'b', name: '县级审核', role: 'approver', level: 'county' },
        { id: 'c', name: '乡镇复核', role: 'approver', level: 'township' },
        { id: 'd', name: '公示', role: 'clerk', special: 'publicity' },
      ],
    });
    const dir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-bad-chain-')), 'plugin'), [bad], {}, '@bianmin/plugin-bad-chain');
    const report = await loadPlugins(discoverPlugins({ root: process.cwd(), folders: [dir], onlyFolders: true }), {
      sealCodes: [], deliveryModeCodes: ['window-pickup', 'postal', 'door', 'electronic'], ...itemChecks(new ItemRuntime()),
    });
    expect(report.loaded).toEqual([]);
    const problems = report.refused[0]!.problems.map((p) => [p.pointer, p.message]);
    expect(problems).toEqual(expect.arrayContaining([
      ['/items/0/procedure/reviewSteps/0/level', expect.stringContaining('低于事项的受理层级')],
      ['/items/0/procedure/reviewSteps/2/level', expect.stringContaining('逐级向上')],
      ['/items/0/procedure/reviewSteps/3/days', expect.stringContaining('公示天数')],
    ]));
  });
});
