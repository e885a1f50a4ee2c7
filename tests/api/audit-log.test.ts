// The audit log (issue 18 point 6): sign-ins, changes, reads of a case's personal data and exports
// are recorded without bodies or tokens; the chain verifies, and one changed or removed row is found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidedCase } from '../support/supervision.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  const rows = async (query = '') => (await s.call(await s.login('admin'), 'GET', `/api/admin/audit${query}`)).body.items as { action: string; actor: string | null; target: string | null; status: number; orgId: string | null }[];

  it('records sign-ins with their outcome, changes, reads of personal data and exports — never a password or token', async () => {
    expect((await s.call(null, 'POST', '/api/auth/login', { username: 'clerk-fq', password: 'wrong-password' })).status).toBe(401);
    const clerk = await s.login('clerk-wx');
    const c = await decidedCase(s);
    await s.call(clerk, 'GET', `/api/cases/${c.id}`);
    await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/items/t-promised/overlay', { promisedDays: 4 });
    const csv = await s.call(await s.login('admin'), 'GET', '/api/admin/audit/export');
    expect(String(csv.body)).toMatch(/^\uFEFFid,at,actor/);
    const all = await rows('?limit=500');
    expect(all).toContainEqual(expect.objectContaining({ action: 'auth.login-failed', actor: 'clerk-fq', status: 401 }));
    expect(all).toContainEqual(expect.objectContaining({ action: 'auth.login', actor: 'clerk-wx', status: 200 }));
    expect(all).toContainEqual(expect.objectContaining({ action: 'POST /api/cases', actor: 'clerk-wx', orgId: 'wx', status: 201 }));
    expect(all).toContainEqual(expect.objectContaining({ action: 'POST /api/cases/:id/events', target: JSON.stringify({ id: c.id }) }));
    expect(all).toContainEqual(expect.objectContaining({ action: 'case.read', actor: 'clerk-wx', target: JSON.stringify({ id: c.id }) }));
    expect(all).toContainEqual(expect.objectContaining({ action: 'PUT /api/admin/items/:code/overlay', actor: 'admin-wx', target: '{"code":"t-promised"}' }));
    expect((await rows('?action=export')).some((r) => r.actor === 'admin')).toBe(true);
    const text = JSON.stringify(await s.started.runtime.db('audit_log').select('at', 'actor_id', 'actor', 'org_id', 'action', 'target', 'ip', 'detail'));
    for (const secret of [DEMO_PASSWORD, ADMIN_PASSWORD, 'wrong-password', clerk]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toContain('13905751234');
  });

  it("shows a township administrator its own scope's rows only, and keeps it from clerks", async () => {
    await s.login('clerk-fq');
    const township = (await s.call(await s.login('admin-wx'), 'GET', '/api/admin/audit?limit=500')).body.items as { orgId: string | null }[];
    expect(township.length).toBeGreaterThan(0);
    expect(township.every((r) => ['wx', 'wx-ssd', 'wx-qk'].includes(r.orgId ?? ''))).toBe(true);
    expect((await s.call(await s.login('clerk-wx'), 'GET', '/api/admin/audit')).status).toBe(403);
    expect((await s.call(await s.login('admin-wx'), 'GET', '/api/admin/audit/verify')).status).toBe(403);
  });

  it('verifies the chain, refuses an UPDATE, and finds one changed or removed row', async () => {
    const admin = await s.login('admin');
    const ok = await s.call(admin, 'GET', '/api/admin/audit/verify');
    expect(ok.body).toMatchObject({ intact: true, rows: expect.any(Number) });
    expect(ok.body.rows).toBeGreaterThan(10);
    const db = s.started.runtime.db;
    const victim = (await db('audit_log').where({ action: 'case.read' }).first('id')).id;
    await expect(db('audit_log').where({ id: victim }).update({ actor: 'someone-else' })).rejects.toThrow(/append-only/);
    // An attacker with the database's owner rights drops the trigger first: the chain still tells.
    await db.raw(kind === 'postgres' ? 'drop trigger audit_log_no_update on audit_log' : 'drop trigger audit_log_no_update');
    await db('audit_log').where({ id: victim }).update({ actor: 'someone-else' });
    expect((await s.call(admin, 'GET', '/api/admin/audit/verify')).body).toMatchObject({ intact: false, firstBrokenAt: Number(victim) });
    await db('audit_log').where({ id: victim }).update({ actor: 'clerk-wx' });
    expect((await s.call(admin, 'GET', '/api/admin/audit/verify')).body.intact).toBe(true);
    const middle = Number(victim) + 1;
    await db('audit_log').where({ id: middle }).delete();
    expect((await s.call(admin, 'GET', '/api/admin/audit/verify')).body).toMatchObject({ intact: false, firstBrokenAt: middle + 1 });
  });

  it('purges past the retention from the oldest end, and what is left still verifies', async () => {
    const fresh = await startTestServer({ kind });
    try {
      await fresh.login('clerk-wx');
      fresh.clock.now = new Date(fresh.clock.now.getTime() + 200 * 24 * 3600_000);
      await fresh.login('clerk-fq');
      const audit = fresh.started.runtime.audit;
      const before = (await audit.verify()).rows;
      expect(await audit.purge(180, fresh.clock.now)).toBeGreaterThan(0);
      const after = await audit.verify();
      expect(after.intact).toBe(true);
      expect(after.rows).toBeLessThan(before);
      expect(after.rows).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
