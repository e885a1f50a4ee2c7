// The runtime foundation through HTTP: health and OpenAPI, sign-in, the catalogue, bad input that
// gets a clear 4xx and changes nothing, administrators composing and publishing items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testItem } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const caseCount = async () => Number((await s.database.db('cases').count({ n: '*' }))[0]!.n);

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  describe('server basics', () => {
    it('reports health with the database and plugin counts', async () => {
      const res = await s.call(null, 'GET', '/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, db: kind === 'postgres' ? 'postgresql' : 'sqlite', plugins: { loaded: 1, refused: 0 } });
    });

    it('publishes an OpenAPI document in which every route declares a schema', async () => {
      const res = await s.call(null, 'GET', '/api/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      for (const path of ['/api/cases', '/api/cases/{id}/events', '/api/items', '/api/admin/items', '/api/public/verify/{number}']) {
        expect(Object.keys(res.body.paths)).toContain(path);
      }
    });

    it('signs in with a password hashed by argon2 and refuses a wrong one', async () => {
      const row = await s.database.db('users').where({ username: 'clerk-wx' }).first();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const bad = await s.call(null, 'POST', '/api/auth/login', { username: 'clerk-wx', password: 'wrong' });
      expect(bad.status).toBe(401);
      expect(bad.body.error.code).toBe('BAD_CREDENTIALS');
      const ok = await s.call(null, 'POST', '/api/auth/login', { username: 'clerk-wx', password: 'bianmin-demo' });
      expect(ok.body.user).toMatchObject({ username: 'clerk-wx', roles: ['clerk'], orgId: 'wx' });
      expect((await s.call(null, 'GET', '/api/cases')).status).toBe(401);
      expect((await s.call('not-a-token', 'GET', '/api/cases')).status).toBe(401);
    });

    it('lists the items with their source', async () => {
      const res = await s.call(await s.login('clerk-wx'), 'GET', '/api/items');
      expect(res.body.map((i: { code: string }) => i.code).sort()).toEqual(['t-immediate', 't-promised', 't-reported', 't-returned']);
      expect(res.body[0]).toMatchObject({ version: '1.0.0', source: 'plugin:@bianmin/plugin-test@1.0.0' });
      const one = await s.call(await s.login('clerk-wx'), 'GET', '/api/items/t-promised');
      expect(one.body.form.schema.type).toBe('object');
      expect((await s.call(await s.login('clerk-wx'), 'GET', '/api/items/nope')).status).toBe(404);
      expect((await s.call(await s.login('clerk-wx'), 'GET', '/api/items/t-promised?version=9.9.9')).status).toBe(404);
    });
  });

  describe('bad input gets a 4xx and changes nothing', () => {
    it('answers malformed JSON, wrong types, unknown fields, unknown ids, oversized bodies and wrong media types', async () => {
      const token = await s.login('clerk-wx');
      const before = await caseCount();
      const raw = (payload: string, type = 'application/json') =>
        s.app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload });
      const malformed = await raw('{"itemCode": ');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('INVALID_JSON');
      const wrongType = await s.call(token, 'POST', '/api/cases', { itemCode: 5, data: 'x' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(expect.arrayContaining(['/itemCode', '/data']));
      const unknownField = await s.call(token, 'POST', '/api/cases', { itemCode: 't-immediate', data: {}, hack: true });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.error.details[0].pointer).toBe('/hack');
      expect((await s.call(token, 'POST', '/api/cases', { itemCode: 'no-such-item', data: {} })).status).toBe(404);
      expect((await s.call(token, 'GET', '/api/cases/00000000-0000-0000-0000-000000000000')).status).toBe(404);
      expect((await s.call(token, 'POST', '/api/cases/nope/events', { type: 'ACCEPT' })).status).toBe(404);
      const huge = await raw(JSON.stringify({ itemCode: 't-immediate', data: { x: 'a'.repeat(2 * 1024 * 1024) } }));
      expect(huge.statusCode).toBe(413);
      expect((await raw('itemCode=x', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
      expect((await s.call(token, 'GET', '/api/cases?limit=abc')).status).toBe(400);
      expect((await s.call(token, 'GET', '/api/nothing-here')).status).toBe(404);
      expect(await caseCount()).toBe(before);
    });
  });

  describe('administrators compose items without code', () => {
    const draft = () => testItem('admin-composed', { kind: 'promised', promisedDays: 3, reviewSteps: [{ id: 'review', name: '审核', role: 'approver' }] }, { name: '测试事项admin-composed' });

    it('refuses an invalid definition naming the JSON pointer of every problem', async () => {
      const admin = await s.login('admin');
      const bad = draft() as unknown as Record<string, any>;
      bad.level = 'province';
      delete bad.guide.authority;
      bad.delivery = { modes: ['carrier-pigeon'] };
      const res = await s.call(admin, 'POST', '/api/admin/items', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(expect.arrayContaining(['/level', '/guide/authority']));
      const semantic = draft() as unknown as Record<string, any>;
      semantic.delivery = { modes: ['carrier-pigeon'] };
      semantic.form.schema.properties.amount.format = 'no-such-format';
      const res2 = await s.call(admin, 'POST', '/api/admin/items', semantic);
      expect(res2.status).toBe(400);
      expect(res2.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(expect.arrayContaining(['/delivery/modes/0', '/form/schema/properties/amount']));
    });

    it('saves a draft, publishes an immutable version, and keeps running cases on theirs', async () => {
      const admin = await s.login('admin');
      expect((await s.call(admin, 'POST', '/api/admin/items', draft())).status).toBe(201);
      expect((await s.call(await s.login('clerk-wx'), 'GET', '/api/items/admin-composed')).status).toBe(404);
      const published = await s.call(admin, 'POST', '/api/admin/items/admin-composed/publish');
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ code: 'admin-composed', version: '1.0.0', source: 'admin', kind: 'promised' });
      // The published version cannot be changed in place.
      expect((await s.call(admin, 'POST', '/api/admin/items', { ...draft(), tags: ['改过'] })).status).toBe(409);
      const clerk = await s.login('clerk-wx');
      const c = await s.call(clerk, 'POST', '/api/cases', {
        itemCode: 'admin-composed', data: { applicant: { name: '王五', idNumber: '11010519491231002X', phone: '13800000000' } }, materials: { 'id-card': 'provided', 'bank-card': 'waived' },
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const v2 = { ...draft(), version: '1.1.0', procedure: { kind: 'promised', promisedDays: 2 } };
      expect((await s.call(admin, 'POST', '/api/admin/items', v2)).status).toBe(201);
      expect((await s.call(admin, 'POST', '/api/admin/items/admin-composed/publish')).status).toBe(200);
      expect((await s.call(clerk, 'GET', '/api/items/admin-composed')).body.version).toBe('1.1.0');
      expect((await s.call(clerk, 'GET', `/api/cases/${c.body.id}`)).body.itemVersion).toBe('1.0.0');
      const accepted = await s.call(clerk, 'POST', `/api/cases/${c.body.id}/events`, { type: 'ACCEPT' });
      expect(accepted.body.state).toBe('reviewing.review');
    });

    it('previews a procedure as a machine and reports its problems', async () => {
      const admin = await s.login('admin');
      const ok = await s.call(admin, 'POST', '/api/admin/procedures/preview', { procedure: { kind: 'reported', decidingLevel: 'county' } });
      expect(ok.body.problems).toEqual([]);
      expect(Object.keys(ok.body.config.states)).toEqual(expect.arrayContaining(['received', 'reported', 'delivering', 'concluded']));
      const broken = await s.call(admin, 'POST', '/api/admin/procedures/preview', {
        procedure: { kind: 'immediate', config: { id: 'case', initial: 'a', states: { a: { on: { GO: [{ target: 'b', actions: [{ type: 'noSuchAction' }] }] } }, b: {}, c: { type: 'final' } } } },
      });
      expect(broken.body.problems.length).toBeGreaterThan(0);
      expect(broken.body.problems.map((p: { pointer: string }) => p.pointer).join(' ')).toMatch(/\/config/);
    });

    it('keeps administration from clerks', async () => {
      expect((await s.call(await s.login('clerk-wx'), 'POST', '/api/admin/items', draft())).status).toBe(403);
      expect((await s.call(await s.login('clerk-wx'), 'POST', '/api/admin/users', { username: 'intruder', name: 'x', password: 'xxxxxxxx', orgId: 'wx', roles: ['admin'] })).status).toBe(403);
    });

    it('lets a township admin manage users of its own scope only', async () => {
      const admin = await s.login('admin-wx');
      expect((await s.call(admin, 'POST', '/api/admin/users', { username: 'clerk2-wx', name: '窗口二', password: 'password-2', orgId: 'wx', roles: ['clerk'] })).status).toBe(201);
      expect((await s.call(admin, 'POST', '/api/admin/users', { username: 'clerk2-fq', name: '窗口二', password: 'password-2', orgId: 'fq', roles: ['clerk'] })).status).toBe(403);
      const orgs = await s.call(admin, 'GET', '/api/admin/orgs');
      expect(orgs.body.map((o: { id: string }) => o.id).sort()).toEqual(['wx', 'wx-qk', 'wx-ssd']);
    });
  });

  describe('working-day calendar', () => {
    it('serves the official 2025 schedule, shows a year with no data as not recorded, and takes an admin\'s year', async () => {
      const admin = await s.login('admin');
      const y2025 = await s.call(admin, 'GET', '/api/admin/calendar/2025');
      expect(y2025.status).toBe(200);
      const days = new Map(y2025.body.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
      expect(days.get('2025-01-26')).toBe('workday');
      expect(days.get('2025-01-28')).toBe('holiday');
      const missing = await s.call(admin, 'GET', '/api/admin/calendar/2031');
      expect(missing.body).toEqual({ year: 2031, days: [], recorded: false });
      const bad = await s.call(admin, 'PUT', '/api/admin/calendar/2031', { days: [{ date: '2031-01-06', kind: 'workday' }] });
      expect(bad.status).toBe(400);
      const ok = await s.call(admin, 'PUT', '/api/admin/calendar/2031', { region: '全国', days: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }] });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect((await s.call(admin, 'GET', '/api/admin/calendar/2031')).body.days).toHaveLength(1);
    });
  });
});
