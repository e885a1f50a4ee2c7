// Which seal a document carries (issue 14, point 16): a township's delegated licence
// (`sealKind: approval`) carries the county's 审批专用章 (seed 002 art. 8(三)); a seal registered for
// one item seals that item alone; a seal not yet in force never displaces the working one; and a
// step that would issue a document with no usable seal is refused with the reason, with a message to
// the administrators — never issued unsealed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData, testItem, writeTestPlugin, TEST_ITEMS } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const LICENCE = testItem('t-licence', { kind: 'immediate' }, { documents: [{ kind: 'result', title: '许可证', sealKind: 'approval' }] });
const PERMIT = testItem('t-permit', { kind: 'immediate' }, { documents: [{ kind: 'result', title: '许可证', sealKind: 'approval' }] });
// A plugin's own seal, named by code: registered at start for every township (its item's level).
const DELEGATED = testItem('t-delegated', { kind: 'immediate' }, { documents: [{ kind: 'result', title: '委托许可证', seal: 'delegated-approval' }] });
const PLUGIN_SEALS = { seals: [{ code: 'delegated-approval', name: '{org}', kind: 'approval' as const, purpose: '审批专用章' }] };
const MATERIALS = { 'id-card': 'provided', 'bank-card': 'provided' };

let s: TestServer;

describe.each(['sqlite', 'postgres'] as const)('choosing the seal, on %s', (kind) => {
  beforeAll(async () => {
    const plugin = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-seals-')), 'plugin'), [...TEST_ITEMS, LICENCE, PERMIT, DELEGATED], PLUGIN_SEALS);
    s = await startTestServer({ kind, runtime: { pluginFolders: [plugin] } });
  });
  afterAll(() => s?.close());

  /** Runs an immediate case at `clerk`'s counter to its sealed result and returns the seal's name on it. */
  async function resultSeal(clerk: string, itemCode: string): Promise<string> {
    const token = await s.login(clerk);
    const created = await s.call(token, 'POST', '/api/cases', { itemCode, data: applicationData(), materials: MATERIALS });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let view = created.body;
    for (const type of ['ACCEPT', 'APPROVE', 'SEAL']) {
      const res = await s.call(token, 'POST', `/api/cases/${view.id}/events`, { type, payload: type === 'APPROVE' ? { opinion: '同意' } : undefined });
      expect(res.status, `${type} ${JSON.stringify(res.body)}`).toBe(200);
      view = res.body;
    }
    const result = view.documents.find((d: { kind: string }) => d.kind === 'result');
    const pdf = await s.call(token, 'GET', result.url);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
    return (await s.call(null, 'GET', `/api/public/verify/${encodeURIComponent(result.number)}`)).body.sealName;
  }

  it("seals a township's delegated licence with the county's 审批专用章", async () => {
    expect(await resultSeal('clerk-wx', 't-licence')).toBe('诸暨市行政审批服务局');
  });

  it("registers a plugin's seals for the organisations its items name, so its documents are sealed with no manual step", async () => {
    expect(await resultSeal('clerk-wx', 't-delegated')).toBe('诸暨市五泄镇便民服务中心');
    expect(await resultSeal('clerk-fq', 't-delegated')).toBe('诸暨市枫桥镇便民服务中心');
    const admin = await s.login('admin');
    const registered = (await s.call(admin, 'GET', '/api/admin/seals')).body.filter((x: { code: string }) => x.code === 'delegated-approval');
    expect(registered.map((x: { orgId: string }) => x.orgId).sort()).toEqual(['fq', 'wx']);
    expect(registered[0].itemCodes).toEqual(['t-delegated']);
    // Serving its item alone: the townships' other approval documents keep the county's seal.
    expect(await resultSeal('clerk-fq', 't-permit')).toBe('诸暨市行政审批服务局');
    // A township created later gets it at once.
    const town = await s.call(admin, 'POST', '/api/admin/orgs', { code: 'dt', name: '诸暨市东和乡便民服务中心', shortName: '东和便', level: 'township', parentId: 'zj' });
    expect(town.status, JSON.stringify(town.body)).toBe(201);
    const theirs = await s.call(admin, 'GET', `/api/admin/seals?orgId=${town.body.id}`);
    expect(theirs.body.map((x: { code: string; name: string }) => `${x.code} ${x.name}`)).toEqual(['delegated-approval 诸暨市东和乡便民服务中心']);
  });

  it('lets a seal registered for one item seal that item alone', async () => {
    const admin = await s.login('admin');
    const unknown = await s.call(admin, 'POST', '/api/admin/seals', { orgId: 'wx', code: 'wx-x', name: '诸暨市五泄镇人民政府', kind: 'approval', itemCodes: ['no-such-item'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].pointer).toBe('/itemCodes/0');
    const own = await s.call(admin, 'POST', '/api/admin/seals', {
      orgId: 'wx', code: 'wx-licence-approval', name: '诸暨市五泄镇人民政府', kind: 'approval', purpose: '审批专用章', itemCodes: ['t-licence'],
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.itemCodes).toEqual(['t-licence']);
    expect(await resultSeal('clerk-wx', 't-licence')).toBe('诸暨市五泄镇人民政府');
    expect(await resultSeal('clerk-wx', 't-permit')).toBe('诸暨市行政审批服务局');
  });

  it('keeps the working seal when a new one of the same kind is registered or is not yet in force', async () => {
    const admin = await s.login('admin');
    const later = new Date(s.clock.now.getTime() + 30 * 86_400_000).toISOString();
    const pending = await s.call(admin, 'POST', '/api/admin/seals', { orgId: 'wx', code: 'wx-business-2026', name: '诸暨市五泄镇便民服务中心新章', kind: 'business', purpose: '业务专用章', validFrom: later });
    expect(pending.status).toBe(201);
    const another = await s.call(admin, 'POST', '/api/admin/seals', { orgId: 'wx', code: 'a-wx-business', name: '诸暨市五泄镇另一枚章', kind: 'business', purpose: '业务专用章' });
    expect(another.status).toBe(201);
    expect(await resultSeal('clerk-wx', 't-immediate')).toBe('诸暨市五泄镇便民服务中心');
  });

  it('refuses the step that would issue a document no seal can seal, and tells the administrators', async () => {
    const admin = await s.login('admin');
    const seals = await s.call(admin, 'GET', '/api/admin/seals?orgId=fq');
    for (const seal of seals.body) expect((await s.call(admin, 'POST', `/api/admin/seals/${seal.id}/revoke`)).status).toBe(200);
    const clerk = await s.login('clerk-fq');
    const created = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: MATERIALS });
    expect(created.status).toBe(201);
    const accept = await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type: 'ACCEPT' });
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('SEAL_NOT_FOUND');
    expect(accept.body.error.message).toContain('诸暨市枫桥镇便民服务中心没有可用的业务专用章');
    expect(accept.body.error.details).toEqual([{ pointer: '/documents/acceptance-receipt', message: accept.body.error.message }]);
    const view = await s.call(clerk, 'GET', `/api/cases/${created.body.id}`);
    expect(view.body.state).toBe(created.body.state);
    expect(view.body.documents).toEqual([]);
    // Asked again at the window: still refused, and the administrators were told once.
    expect((await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type: 'ACCEPT' })).status).toBe(409);
    const adminId = (await s.database.db('users').where({ username: 'admin' }).first('id')).id;
    const told = await s.database.db('inbox_messages').where({ user_id: adminId, link_kind: 'seal' }).select('title', 'body');
    expect(told).toEqual([{ title: '诸暨市枫桥镇便民服务中心的《受理通知书》无法用印', body: expect.stringContaining('请在“印章管理”中登记或启用所需印章') }]);

    // Registered again: the same case goes on.
    expect((await s.call(admin, 'POST', '/api/admin/seals', { orgId: 'fq', code: 'fq-business-new', name: '诸暨市枫桥镇便民服务中心', kind: 'business', purpose: '业务专用章' })).status).toBe(201);
    expect((await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type: 'ACCEPT' })).status).toBe(200);
  });
});
