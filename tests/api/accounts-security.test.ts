// Accounts (issue 18 points 2–4): the password policy for every new or changed password, the
// lock-out after repeated failures (the same for an unknown name), sessions ended by idleness, age,
// logout and password change, and rate limits on what anyone can call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeSessions } from '../../core/src/auth/index.ts';
import { decidedCase, PHONE4 } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
const START = new Date('2025-03-03T09:00:00+08:00');
const MINUTE = 60_000;
const signIn = (username: string, password: string) => s.call(null, 'POST', '/api/auth/login', { username, password });

/** A new clerk of 五泄 made by its administrator, who must pick their own password at first sign-in. */
async function newClerk(username: string, initial = 'Initial-pass-1') {
  const created = await s.call(await s.login('admin-wx'), 'POST', '/api/admin/users', { username, name: '新窗口', password: initial, orgId: 'wx', roles: ['clerk'] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
}

async function clerkWithPassword(username: string, password: string) {
  await newClerk(username);
  const first = await signIn(username, 'Initial-pass-1');
  const changed = await s.call(first.body.token, 'POST', '/api/auth/password', { current: 'Initial-pass-1', next: password });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  return changed.body.token as string;
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  describe('password policy', () => {
    it('refuses a weak initial password at the field, and forces an administrator-made account to change its password first', async () => {
      s.clock.now = START;
      const admin = await s.login('admin-wx');
      const weak = await s.call(admin, 'POST', '/api/admin/users', { username: 'weak-wx', name: '弱', password: '11111111', orgId: 'wx', roles: ['clerk'] });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe('WEAK_PASSWORD');
      expect(weak.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/password', '/password']);
      expect(weak.body.error.message).toMatch(/至少 10 位/);
      await newClerk('first-wx');
      const first = await signIn('first-wx', 'Initial-pass-1');
      expect(first.status).toBe(200);
      expect(first.body.user.mustChangePassword).toBe(true);
      expect((await s.call(first.body.token, 'GET', '/api/auth/me')).body.mustChangePassword).toBe(true);
      const refused = await s.call(first.body.token, 'GET', '/api/cases');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await s.call(first.body.token, 'POST', '/api/auth/password', { current: 'Initial-pass-1', next: 'Counter-2025-wx' });
      expect(changed.status).toBe(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      expect((await s.call(changed.body.token, 'GET', '/api/cases')).status).toBe(200);
      expect((await s.call(first.body.token, 'GET', '/api/auth/me')).status).toBe(401); // the change ended the old session
    }, 120_000);

    it('checks length, classes, the username and the recent passwords on a self-service change', async () => {
      s.clock.now = START;
      let token = await clerkWithPassword('policy-wx', 'Policy-pass-0');
      const attempt = (current: string, next: string) => s.call(token, 'POST', '/api/auth/password', { current, next });
      for (const [next, reason] of [
        ['Short-1', /至少 10 位/],
        ['alllowercaseletters', /至少 3 类/],
        ['xPolicy-WX-2025', /用户名/],
        ['Policy-pass-0', /当前密码相同/],
      ] as const) {
        const r = await attempt('Policy-pass-0', next);
        expect(r.status, next).toBe(400);
        expect(r.body.error.code).toBe('WEAK_PASSWORD');
        expect(r.body.error.details[0]).toMatchObject({ pointer: '/next', message: expect.stringMatching(reason) });
      }
      const wrongCurrent = await attempt('not-my-password', 'Brand-new-pass-9');
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.body.error.details[0].pointer).toBe('/current');
      // The history is the setting's length (5 by default; 3 here, as each check costs an argon2 hash).
      const security = s.started.runtime.security;
      expect(security.current().passwordHistory).toBe(5);
      await security.update({ passwordHistory: 3 }, 'test', START);
      try {
        let current = 'Policy-pass-0';
        for (const next of ['Policy-pass-1', 'Policy-pass-2']) {
          const r = await attempt(current, next);
          expect(r.status, next).toBe(200);
          token = r.body.token;
          current = next;
        }
        // Policy-pass-0 … 2 are the last three: refused; once a fourth is set, -0 is allowed again.
        const reused = await attempt(current, 'Policy-pass-0');
        expect(reused.status).toBe(400);
        expect(reused.body.error.message).toMatch(/最近 3 次/);
        const r = await attempt(current, 'Policy-pass-3');
        expect(r.status).toBe(200);
        token = r.body.token;
        expect((await attempt('Policy-pass-3', 'Policy-pass-0')).status).toBe(200);
      } finally {
        await security.update({ passwordHistory: 5 }, 'test', START);
      }
    }, 120_000);

    it('makes a password older than 90 days be changed at sign-in', async () => {
      s.clock.now = START;
      await clerkWithPassword('aged-wx', 'Aged-pass-2025');
      s.clock.now = new Date(START.getTime() + 89 * 24 * 60 * MINUTE);
      expect((await signIn('aged-wx', 'Aged-pass-2025')).body.user.mustChangePassword).toBe(false);
      s.clock.now = new Date(START.getTime() + 91 * 24 * 60 * MINUTE);
      const late = await signIn('aged-wx', 'Aged-pass-2025');
      expect(late.body.user.mustChangePassword).toBe(true);
      expect((await s.call(late.body.token, 'GET', '/api/cases')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      s.clock.now = START;
    }, 120_000);
  });

  describe('lock-out', () => {
    it('locks a name after 5 failures in 15 minutes, the right password too, and unlocks it when the time has passed', async () => {
      s.clock.now = START;
      await clerkWithPassword('locked-wx', 'Locked-pass-2025');
      for (let i = 1; i <= 4; i++) {
        s.clock.now = new Date(START.getTime() + i * MINUTE);
        expect((await signIn('locked-wx', `wrong-${i}`)).status).toBe(401);
      }
      s.clock.now = new Date(START.getTime() + 5 * MINUTE);
      const fifth = await signIn('locked-wx', 'wrong-5');
      expect(fifth.status).toBe(423);
      expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
      const unlockAt = new Date(START.getTime() + 20 * MINUTE).toISOString();
      expect(fifth.body.error.unlockAt).toBe(unlockAt);
      expect(fifth.body.error.message).toMatch(/2025\/3\/3 09:20:00/);
      s.clock.now = new Date(START.getTime() + 19 * MINUTE);
      const right = await signIn('locked-wx', 'Locked-pass-2025');
      expect(right.status).toBe(423);
      expect(right.body.error.unlockAt).toBe(unlockAt);
      s.clock.now = new Date(START.getTime() + 20 * MINUTE);
      expect((await signIn('locked-wx', 'Locked-pass-2025')).status).toBe(200);
    }, 120_000);

    it('counts the failures of the last 15 minutes (a sliding window), and a success starts the count again', async () => {
      s.clock.now = START;
      await clerkWithPassword('spread-wx', 'Spread-pass-2025');
      // One failure every 4 minutes: at most 4 within any 15 minutes, never locked.
      for (let i = 0; i < 5; i++) {
        s.clock.now = new Date(START.getTime() + i * 4 * MINUTE);
        expect((await signIn('spread-wx', 'wrong')).status, `failure ${i}`).toBe(401);
      }
      // One more a minute later: with those at 4, 8, 12 and 16 minutes, five within 15 minutes.
      s.clock.now = new Date(START.getTime() + 17 * MINUTE);
      expect((await signIn('spread-wx', 'wrong')).status).toBe(423);
      s.clock.now = START;
      await clerkWithPassword('reset-wx', 'Reset-pass-2025');
      for (let i = 0; i < 4; i++) expect((await signIn('reset-wx', 'wrong')).status).toBe(401);
      expect((await signIn('reset-wx', 'Reset-pass-2025')).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await signIn('reset-wx', 'wrong')).status).toBe(401);
    }, 120_000);

    it('answers an unknown name exactly as a known one, in about the same time', async () => {
      s.clock.now = START;
      await clerkWithPassword('known-wx', 'Known-pass-2025');
      const timed = async (username: string) => {
        const t0 = performance.now();
        const r = await signIn(username, 'wrong-password');
        return { r, ms: performance.now() - t0 };
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const a = await timed('known-wx');
        const b = await timed('nobody-by-this-name');
        expect(b.r.status).toBe(a.r.status);
        expect(b.r.body).toEqual(a.r.body);
        if (i < 5) {
          known.push(a.ms);
          unknown.push(b.ms);
        }
      }
      expect(unknownOrKnown(known, unknown)).toBeGreaterThan(0.4); // argon2 runs for both (≈100 ms); a bare lookup would be ~1 %
    }, 120_000);
  });

  describe('public case lookup', () => {
    it('locks a number after 5 wrong phone digits, the right ones too, and answers an unknown number exactly alike', async () => {
      s.clock.now = START;
      const c = await decidedCase(s);
      const look = (number: string, phone: string) => s.call(null, 'GET', `/api/public/cases/${encodeURIComponent(number)}?phone=${phone}`);
      expect((await look(c.number, PHONE4)).status).toBe(200);
      const answers = async (number: string) => {
        const out: unknown[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await look(number, String(1000 + i));
          out.push([r.status, r.body.error.code, r.body.error.unlockAt]);
        }
        return out;
      };
      const known = await answers(c.number);
      const unknown = await answers('五泄便〔2025〕99999号');
      expect(known).toEqual(unknown);
      expect(known.at(-1)).toEqual([423, 'LOOKUP_LOCKED', new Date(START.getTime() + 15 * MINUTE).toISOString()]);
      expect((await look(c.number, PHONE4)).status).toBe(423);
      expect((await s.call(null, 'POST', `/api/public/cases/${encodeURIComponent(c.number)}/evaluation`, { phone4: PHONE4, level: 5 })).status).toBe(423);
      s.clock.now = new Date(START.getTime() + 15 * MINUTE);
      expect((await look(c.number, PHONE4)).status).toBe(200);
      s.clock.now = START;
    });
  });

  describe('sessions', () => {
    it('end after 30 idle minutes, live on with use, and end 12 hours after sign-in however busy', async () => {
      s.clock.now = START;
      const token = (await signIn('clerk-fq', 'bianmin-demo')).body.token as string;
      s.clock.now = new Date(START.getTime() + 29 * MINUTE);
      expect((await s.call(token, 'GET', '/api/auth/me')).status).toBe(200);
      for (let t = 29 + 25; t < 12 * 60; t += 25) {
        s.clock.now = new Date(START.getTime() + t * MINUTE);
        expect((await s.call(token, 'GET', '/api/auth/me')).status, `after ${t} min`).toBe(200);
      }
      s.clock.now = new Date(START.getTime() + 12 * 60 * MINUTE);
      expect((await s.call(token, 'GET', '/api/auth/me')).status).toBe(401);

      s.clock.now = START;
      const idle = (await signIn('clerk-fq', 'bianmin-demo')).body.token as string;
      s.clock.now = new Date(START.getTime() + 30 * MINUTE);
      expect((await s.call(idle, 'GET', '/api/auth/me')).status).toBe(401);
      s.clock.now = START;
      expect((await s.call(idle, 'GET', '/api/auth/me')).status).toBe(401); // ended, not only out of date
    });

    it('ends at logout, and the purge deletes every ended session', async () => {
      s.clock.now = START;
      const a = (await signIn('approver-fq', 'bianmin-demo')).body.token as string;
      await s.call(a, 'POST', '/api/auth/logout');
      expect((await s.call(a, 'GET', '/api/auth/me')).status).toBe(401);
      await signIn('approver-fq', 'bianmin-demo');
      const db = s.started.runtime.db;
      const count = async () => Number((await db('sessions').count({ n: '*' }))[0]!.n);
      expect(await count()).toBeGreaterThan(0);
      const later = new Date(START.getTime() + 31 * MINUTE);
      await purgeSessions(db, later, s.started.runtime.security.current());
      const left = await db('sessions').select('last_seen_at', 'expires_at');
      expect(left.every((r) => Date.parse(r.last_seen_at) > later.getTime() - 30 * MINUTE && Date.parse(r.expires_at) > later.getTime())).toBe(true);
      await purgeSessions(db, new Date(START.getTime() + 13 * 3600_000), s.started.runtime.security.current());
      expect((await db('sessions').where('expires_at', '<=', new Date(START.getTime() + 13 * 3600_000).toISOString()).count({ n: '*' }))[0]!.n).toEqual(kind === 'postgres' ? '0' : 0);
    });
  });
});

function unknownOrKnown(known: number[], unknown: number[]): number {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return median(unknown) / median(known);
}

describe('rate limits', () => {
  beforeAll(async () => {
    s = await startTestServer({ productionRateLimits: true });
  });
  afterAll(() => s?.close());

  it('answers 429 with the seconds to wait past 10 sign-ins a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'x' }, remoteAddress: '10.0.0.1' })).statusCode);
    expect(statuses.slice(0, 10).every((x) => x === 401)).toBe(true);
    const limited = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-wx', password: 'bianmin-demo' }, remoteAddress: '10.0.0.1' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-wx', password: 'bianmin-demo' }, remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('limits the public case lookup, applications, evaluations and verification', async () => {
    const burst = async (method: 'GET' | 'POST', url: string, n: number, payload?: object) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) statuses.push((await s.app.inject({ method, url, remoteAddress: '10.0.1.1', ...(payload ? { payload } : {}) })).statusCode);
      return statuses;
    };
    const lookup = await burst('GET', '/api/public/cases/NO-SUCH-CASE?phone=1234', 21);
    expect(lookup.slice(0, 4)).toEqual([404, 404, 404, 404]);
    expect(lookup.slice(4, 20).every((x) => x === 423)).toBe(true); // the number's own lock-out
    expect(lookup[20]).toBe(429);
    expect((await burst('POST', '/api/public/applications', 11, { itemCode: 'x', orgId: 'nowhere', data: {} }))[10]).toBe(429);
    expect((await burst('POST', '/api/public/cases/NO-SUCH-CASE/evaluation', 11, { phone4: '1234', level: 5 }))[10]).toBe(429);
    const verify = await burst('GET', '/api/public/verify/NO-SUCH-DOC', 31);
    expect(verify[29]).not.toBe(429);
    expect(verify[30]).toBe(429);
  });
});
