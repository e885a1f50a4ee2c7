// Accounts over their life (issue 18 point 1): an administrator edits, moves, re-roles, deactivates,
// resets and unlocks accounts of their own scope only, sessions ending at once where rights change;
// the security settings are the county administrator's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
const signIn = (username: string, password: string) => s.call(null, 'POST', '/api/auth/login', { username, password });

/** A clerk of 五泄 with its own password set, signed in. */
async function clerk(username: string, password = 'Clerk-pass-2025') {
  const admin = await s.login('admin-wx');
  const created = await s.call(admin, 'POST', '/api/admin/users', { username, name: '窗口', password: 'Initial-pass-1', orgId: 'wx', roles: ['clerk'] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const first = await signIn(username, 'Initial-pass-1');
  const changed = await s.call(first.body.token, 'POST', '/api/auth/password', { current: 'Initial-pass-1', next: password });
  expect(changed.status).toBe(200);
  return { id: created.body.id as string, token: changed.body.token as string };
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('edits name and roles, and a change of roles ends the sessions at once', async () => {
    const u = await clerk('edit-wx');
    const admin = await s.login('admin-wx');
    const r = await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { name: '五泄窗口二', roles: ['clerk', 'approver'] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ name: '五泄窗口二', roles: ['clerk', 'approver'], orgId: 'wx' });
    expect((await s.call(u.token, 'GET', '/api/auth/me')).status).toBe(401);
    const again = await signIn('edit-wx', 'Clerk-pass-2025');
    expect(again.body.user.roles).toEqual(['clerk', 'approver']);
  }, 120_000);

  it('deactivates: the sessions end at once and sign-in is refused like a wrong password; reactivating restores it', async () => {
    const u = await clerk('leaver-wx');
    const admin = await s.login('admin-wx');
    expect((await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { active: false })).body.active).toBe(false);
    expect((await s.call(u.token, 'GET', '/api/cases')).status).toBe(401);
    const refused = await signIn('leaver-wx', 'Clerk-pass-2025');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('BAD_CREDENTIALS');
    expect((await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { active: true })).body.active).toBe(true);
    expect((await signIn('leaver-wx', 'Clerk-pass-2025')).status).toBe(200);
  }, 120_000);

  it('resets a password under the policy, and the user must change it at the next sign-in', async () => {
    const u = await clerk('forgot-wx');
    const admin = await s.login('admin-wx');
    const weak = await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { password: '12345678' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect((await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { password: 'Reset-by-admin-1' })).status).toBe(200);
    expect((await s.call(u.token, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await signIn('forgot-wx', 'Clerk-pass-2025')).status).toBe(401);
    const next = await signIn('forgot-wx', 'Reset-by-admin-1');
    expect(next.body.user.mustChangePassword).toBe(true);
    expect((await s.call(next.body.token, 'GET', '/api/cases')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  }, 120_000);

  it('moves a user within the scope only, and never shows or changes a user of another township', async () => {
    const u = await clerk('mover-wx');
    const admin = await s.login('admin-wx');
    const moved = await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { orgId: 'wx-ssd', roles: ['agent'] });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ orgId: 'wx-ssd', windowId: null });
    expect((await s.call(admin, 'PUT', `/api/admin/users/${u.id}`, { orgId: 'fq' })).status).toBe(403);
    const fqClerk = (await s.database.db('users').where({ username: 'clerk-fq' }).first('id')).id;
    expect((await s.call(admin, 'GET', `/api/admin/users/${fqClerk}`)).status).toBe(404);
    expect((await s.call(admin, 'PUT', `/api/admin/users/${fqClerk}`, { active: false })).status).toBe(404);
    expect((await s.call(admin, 'POST', `/api/admin/users/${fqClerk}/unlock`)).status).toBe(404);
    expect((await s.call(await s.login('clerk-wx'), 'PUT', `/api/admin/users/${u.id}`, { name: 'x' })).status).toBe(403);
    const self = (await s.database.db('users').where({ username: 'admin-wx' }).first('id')).id;
    expect((await s.call(admin, 'PUT', `/api/admin/users/${self}`, { active: false })).status).toBe(403);
  }, 120_000);

  it('unlocks a locked-out account before its time', async () => {
    const u = await clerk('unlock-wx');
    for (let i = 0; i < 5; i++) await signIn('unlock-wx', 'wrong');
    expect((await signIn('unlock-wx', 'Clerk-pass-2025')).status).toBe(423);
    const admin = await s.login('admin-wx');
    expect((await s.call(admin, 'GET', `/api/admin/users/${u.id}`)).body.lockedUntil).toEqual(expect.any(String));
    expect((await s.call(admin, 'POST', `/api/admin/users/${u.id}/unlock`)).status).toBe(204);
    expect((await signIn('unlock-wx', 'Clerk-pass-2025')).status).toBe(200);
  }, 120_000);

  it("keeps the security settings to the county administrator, within bounds, and applies them", async () => {
    expect((await s.call(await s.login('admin-wx'), 'GET', '/api/admin/security-settings')).body).toMatchObject({ passwordMinLength: 10, passwordMinClasses: 3, passwordHistory: 5, passwordMaxAgeDays: 90, lockoutFailures: 5, sessionIdleMinutes: 30, auditRetentionDays: 180 });
    expect((await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/security-settings', { lockoutFailures: 3 })).status).toBe(403);
    const county = await s.login('admin');
    expect((await s.call(county, 'PUT', '/api/admin/security-settings', { auditRetentionDays: 30 })).status).toBe(400);
    expect((await s.call(county, 'PUT', '/api/admin/security-settings', { passwordMinLength: 4 })).status).toBe(400);
    expect((await s.call(county, 'PUT', '/api/admin/security-settings', { lockoutFailures: 3 })).body.lockoutFailures).toBe(3);
    try {
      await clerk('three-wx');
      for (let i = 0; i < 2; i++) expect((await signIn('three-wx', 'wrong')).status).toBe(401);
      expect((await signIn('three-wx', 'wrong')).status).toBe(423);
    } finally {
      await s.call(county, 'PUT', '/api/admin/security-settings', { lockoutFailures: 5 });
    }
  }, 120_000);
});
