// 一件事 with children side by side (并联审批, issue 21 point 2): two children start at the bundle's
// acceptance, a third once both have concluded with an approval, and the parent concludes with the
// last; the two concluding at the same moment start the third once. And the load-time checks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPlugins, loadPlugins } from '../../core/src/plugin-loading/index.ts';
import { itemChecks } from '../../core/src/runtime/item-checks.ts';
import { ItemRuntime } from '../../core/src/cases/index.ts';
import { applicationData, TEST_ITEMS, testItem, writeTestPlugin } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const child = (code: string) => testItem(code, { kind: 'immediate' });
const bundle = testItem('t-bundle', { kind: 'promised', promisedDays: 10, reviewSteps: [{ id: 'coordination', name: '联办跟踪', role: 'approver' }] }, {
  bundle: { items: ['t-a', 't-b', 't-c'], after: { 't-c': ['t-a', 't-b'] }, sharedFields: ['applicant', 'amount'] },
});

let s: TestServer;

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    const dir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-bundle-')), 'plugin'), [...TEST_ITEMS, child('t-a'), child('t-b'), child('t-c'), bundle]);
    s = await startTestServer({ kind, runtime: { pluginFolders: [dir] } });
  });
  afterAll(() => s?.close());

  const children = async (parentId: string) =>
    Object.fromEntries((await s.database.db('cases').where({ parent_case_id: parentId }).select('item_code', 'id', 'state')).map((r: { item_code: string; id: string; state: string }) => [r.item_code, r])) as Record<string, { id: string; state: string }>;
  const conclude = async (id: string) => {
    const clerk = await s.login('clerk-wx');
    for (const [type, payload] of [['ACCEPT'], ['APPROVE', { opinion: '同意' }], ['SEAL'], ['DELIVER', { mode: 'window-pickup', recipientName: '张三' }]] as const) {
      const r = await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) });
      expect(r.status, `${type} ${JSON.stringify(r.body)}`).toBe(200);
    }
  };
  const acceptedBundle = async () => {
    const clerk = await s.login('clerk-wx');
    const c = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-bundle', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    expect(c.status).toBe(201);
    expect(await children(c.body.id)).toEqual({}); // nothing goes to a department before acceptance
    expect((await s.call(clerk, 'POST', `/api/cases/${c.body.id}/events`, { type: 'ACCEPT' })).body.state).toBe('reviewing.coordination');
    return c.body.id as string;
  };

  it('starts the children without prerequisites together, the next when both are done, and concludes with the last', async () => {
    const parent = await acceptedBundle();
    const started = await children(parent);
    expect(Object.keys(started).sort()).toEqual(['t-a', 't-b']);
    expect(started['t-a']!.state).toBe('received');

    await conclude(started['t-b']!.id);
    expect(Object.keys(await children(parent)).sort()).toEqual(['t-a', 't-b']); // t-c waits for t-a too
    await conclude(started['t-a']!.id);
    const all = await children(parent);
    expect(Object.keys(all).sort()).toEqual(['t-a', 't-b', 't-c']);
    const cData = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${all['t-c']!.id}`);
    expect(cData.body.data.applicant.name).toBe('张三'); // entered once, for the bundle

    expect((await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${parent}`)).body.state).toBe('reviewing.coordination');
    await conclude(all['t-c']!.id);
    const done = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${parent}`);
    expect(done.body.state).toBe('concluded');
    expect(done.body.history.filter((h: { event: string }) => h.event === 'CHILDREN_CONCLUDED')).toHaveLength(1);
  });

  it('never starts a child whose prerequisite was denied, and concludes the parent when the others close', async () => {
    const parent = await acceptedBundle();
    const { 't-a': a, 't-b': b } = (await children(parent)) as Record<'t-a' | 't-b', { id: string }>;
    const clerk = await s.login('clerk-wx');
    await s.call(clerk, 'POST', `/api/cases/${a.id}/events`, { type: 'ACCEPT' });
    expect((await s.call(clerk, 'POST', `/api/cases/${a.id}/events`, { type: 'DENY', payload: { reason: '不符合条件' } })).status).toBe(200);
    await s.call(clerk, 'POST', `/api/cases/${a.id}/events`, { type: 'SEAL' });
    await s.call(clerk, 'POST', `/api/cases/${a.id}/events`, { type: 'DELIVER', payload: { mode: 'window-pickup', recipientName: '张三' } });
    expect((await s.call(clerk, 'GET', `/api/cases/${parent}`)).body.state).toBe('reviewing.coordination'); // t-b still runs
    await conclude(b.id);
    expect(Object.keys(await children(parent)).sort()).toEqual(['t-a', 't-b']);
    expect((await s.call(clerk, 'GET', `/api/cases/${parent}`)).body.state).toBe('concluded');
  });

  it('starts the next child once when its two prerequisites conclude at the same moment', async () => {
    const two = await acceptedBundle();
    const { 't-a': a, 't-b': b } = (await children(two)) as Record<'t-a' | 't-b', { id: string }>;
    const clerk = await s.login('clerk-wx');
    for (const id of [a.id, b.id]) {
      await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'ACCEPT' });
      await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'APPROVE', payload: { opinion: '同意' } });
      await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'SEAL' });
    }
    const delivered = await Promise.all([a.id, b.id].map((id) => s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'DELIVER', payload: { mode: 'window-pickup', recipientName: '张三' } })));
    expect(delivered.map((r) => r.status)).toEqual([200, 200]);
    const all = await children(two);
    expect(Object.keys(all).sort()).toEqual(['t-a', 't-b', 't-c']);
    expect((await s.database.db('cases').where({ parent_case_id: two, item_code: 't-c' })).length).toBe(1);
  });
});

describe('load-time checks of a bundle\'s prerequisites', () => {
  it('refuses unknown codes and cycles', async () => {
    const bad = testItem('t-bad-bundle', { kind: 'promised', promisedDays: 5 }, {
      bundle: { items: ['t-a', 't-b', 't-c'], after: { 't-a': ['t-c'], 't-c': ['t-a'], 't-x': ['t-b'], 't-b': ['t-y'] } },
    });
    const dir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-bad-bundle-')), 'plugin'), [child('t-a'), child('t-b'), child('t-c'), bad], {}, '@bianmin/plugin-bad-bundle');
    const report = await loadPlugins(discoverPlugins({ root: process.cwd(), folders: [dir], onlyFolders: true }), {
      sealCodes: [], deliveryModeCodes: ['window-pickup', 'postal', 'door', 'electronic'], ...itemChecks(new ItemRuntime()),
    });
    expect(report.loaded).toEqual([]);
    const problems = report.refused[0]!.problems.map((p) => [p.pointer, p.message]);
    expect(problems).toEqual(expect.arrayContaining([
      ['/items/3/bundle/after/t-x', expect.stringContaining('不在本一件事的组合中')],
      ['/items/3/bundle/after/t-b/0', expect.stringContaining('前置事项 t-y')],
      ['/items/3/bundle/after/t-a', expect.stringContaining('成环')],
    ]));
  });
});
