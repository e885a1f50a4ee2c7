// Bad input found by outside probes (issue 18 points 10 and 16): each answered 400 at the field, and
// nothing stored — above all nothing that could not be read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidedCase } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

/** `{"a":{"a":…"x"…}}` as text: a client's JSON encoder would give up long before the server may. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;

const postText = (token: string, url: string, payload: string) =>
  s.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload });

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('refuses a body nested past 64 levels, and the case stays readable, the public page too', async () => {
    const c = await decidedCase(s);
    const clerk = await s.login('clerk-wx');
    for (const depth of [100, 1001, 9999]) {
      const r = await postText(clerk, `/api/cases/${c.id}/events`, `{"type":"SEAL","payload":${nested(depth)}}`);
      expect(r.statusCode, `depth ${depth}`).toBe(400);
      expect(r.json().error.code).toBe('JSON_TOO_DEEP');
    }
    expect((await s.call(clerk, 'GET', `/api/cases/${c.id}`)).status).toBe(200);
    expect((await s.call(null, 'GET', `/api/public/cases/${encodeURIComponent(c.number)}?phone=1234`)).status).toBe(200);
    expect((await postText(clerk, '/api/cases', `{"itemCode":"t-immediate","data":${nested(200)}}`)).json().error.code).toBe('JSON_TOO_DEEP');
  });

  it('answers 400 to a 20 kB e-mail address, an inverted seal validity, an infinite fee, a forged cursor and a hexadecimal limit', async () => {
    const c = await decidedCase(s);
    const clerk = await s.login('clerk-wx');
    await s.call(clerk, 'POST', `/api/cases/${c.id}/events`, { type: 'SEAL' });
    const longMail = await s.call(clerk, 'POST', `/api/cases/${c.id}/events`, { type: 'DELIVER', payload: { mode: 'electronic', email: `${'a'.repeat(20_000)}@example.com` } });
    expect(longMail.status).toBe(400);
    expect(JSON.stringify(longMail.body.error.details)).toMatch(/email/);

    const admin = await s.login('admin-wx');
    const seal = await s.call(admin, 'POST', '/api/admin/seals', { orgId: 'wx', code: 'inverted', name: '五泄镇测试章', kind: 'business', validFrom: '2026-01-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z' });
    expect(seal.status).toBe(400);
    expect(seal.body.error.details[0].pointer).toBe('/validTo');

    const fee = await s.app.inject({ method: 'PUT', url: '/api/admin/items/t-promised/overlay', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, payload: '{"fee":{"charged":true,"amount":1e999,"description":"工本费"}}' });
    expect(fee.statusCode).toBe(400);
    expect(fee.json().error.details[0].pointer).toBe('/fee/amount');

    for (const url of ['/api/cases?cursor=not-a-cursor', '/api/cases?limit=0x10', '/api/cases?limit=1e1', '/api/complaints?cursor=%%%', '/api/complaints?limit=0x10']) {
      const r = await s.call(clerk, 'GET', url);
      expect(r.status, url).toBe(400);
    }
    expect((await s.call(clerk, 'GET', '/api/cases?limit=16')).status).toBe(200);
  });

  it('answers 404 for the overlay of an item that does not exist, read or written', async () => {
    const admin = await s.login('admin-wx');
    expect((await s.call(admin, 'GET', '/api/admin/items/no-such-item/overlay')).status).toBe(404);
    expect((await s.call(admin, 'PUT', '/api/admin/items/no-such-item/overlay', { promisedDays: 3 })).status).toBe(404);
  });
});
