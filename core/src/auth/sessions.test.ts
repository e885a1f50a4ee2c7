import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createOrg } from '../org/index.ts';
import { authenticate, login, logout } from './sessions.ts';
import { createUser } from './user-store.ts';

describe('bearer sessions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const county = await createOrg(t.db, { code: 'zj', name: '诸暨县', shortName: '诸暨', level: 'county', parentId: null });
    await createUser(t.db, { username: 'clerk', name: '窗口', orgId: county.id, roles: ['clerk'], password: 'pass-1234' });
  });
  afterAll(() => t.destroy());

  it('accepts a fresh token, and refuses it as soon as this process logs it out', async () => {
    const { token } = await login(t.db, 'clerk', 'pass-1234');
    expect((await authenticate(t.db, token))?.username).toBe('clerk');
    expect((await authenticate(t.db, token))?.username).toBe('clerk'); // remembered
    await logout(t.db, token);
    expect(await authenticate(t.db, token)).toBeNull();
  });

  it('never accepts a remembered token past its session expiry', async () => {
    const now = new Date();
    const { token } = await login(t.db, 'clerk', 'pass-1234', now);
    expect(await authenticate(t.db, token, now)).not.toBeNull();
    expect(await authenticate(t.db, token, new Date(now.getTime() + 13 * 3600_000))).toBeNull();
  });

  it('refuses an unknown token', async () => {
    expect(await authenticate(t.db, 'not-a-token')).toBeNull();
  });
});
