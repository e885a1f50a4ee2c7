// The authorisation matrix (issue 18 point 5), generated from the server's own route list: every
// route, called by every staff role of 五泄镇 and of one of its villages, aimed at 枫桥镇's case,
// complaint, users, window, seal and overlay (in the path, as ?orgId= and in the body). No answer may
// carry 枫桥's personal or business data, and afterwards 枫桥's rows are exactly as they were. A new
// route joins the matrix by existing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidedCase } from '../support/supervision.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

// Written into 枫桥's records and nowhere else: finding one in an answer to 五泄 staff is a leak.
const NAME_MARK = '枫桥秘人';
const CONTENT_MARK = '枫桥投诉内容甲乙丙';
const WX_STAFF = ['clerk-wx', 'approver-wx', 'admin-wx', 'head-wx', 'agent-wx-ssd'];
// Skipped: they end the caller's own session (not another township's business).
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

interface Target {
  caseId: string;
  caseNumber: string;
  complaintId: string;
  userId: string;
  windowId: string;
  sealId: string;
}

async function snapshot() {
  const db = s.started.runtime.db;
  const fqCases = db('cases').where('receiving_org_id', 'fq').orWhere('current_org_id', 'fq');
  return JSON.stringify({
    cases: await fqCases.clone().orderBy('id').select('id', 'state', 'version', 'current_org_id', 'open'),
    events: await db('case_events').whereIn('case_id', fqCases.clone().select('id')).count({ n: '*' }),
    complaints: await db('complaints').where('org_id', 'fq').orderBy('id').select('id', 'status'),
    overlays: await db('item_overlays').where('org_id', 'fq').orderBy('item_code').select('item_code', 'overlay'),
    users: await db('users').whereIn('org_id', ['fq', 'fq-fy', 'fq-xf']).orderBy('id').select('id', 'name', 'org_id', 'roles', 'active', 'password_hash', 'window_id'),
    windows: await db('windows').whereIn('org_id', ['fq', 'fq-fy', 'fq-xf']).orderBy('id').select('id', 'name'),
    seals: await db('seals').whereIn('org_id', ['fq', 'fq-fy', 'fq-xf']).orderBy('id').select('id', 'status', 'valid_to'),
    modes: await db('delivery_modes').where('org_id', 'fq').count({ n: '*' }),
  });
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  let target: Target;
  beforeAll(async () => {
    s = await startTestServer({ kind });
    const data = applicationData();
    const c = await decidedCase(s, 'clerk-fq', { applicant: { ...data.applicant, name: NAME_MARK } });
    const complaint = await s.call(await s.login('clerk-fq'), 'POST', '/api/complaints', { receivedAt: '2025-03-03T08:30:00+08:00', complainant: NAME_MARK, phone: '13812345678', content: CONTENT_MARK, source: 'mailbox' });
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
    expect((await s.call(await s.login('admin'), 'PUT', '/api/admin/items/t-promised/overlay?orgId=fq', { promisedDays: 7 })).status).toBe(200);
    const db = s.started.runtime.db;
    target = {
      caseId: c.id,
      caseNumber: c.number,
      complaintId: complaint.body.id,
      userId: (await db('users').where({ username: 'clerk-fq' }).first('id')).id,
      windowId: (await db('windows').where({ org_id: 'fq' }).first('id')).id,
      sealId: (await db('seals').where({ org_id: 'fq' }).first('id')).id,
    };
  }, 180_000);
  afterAll(() => s?.close());

  it('keeps every route from reading or changing another township', async () => {
    const paths = (s.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const routes = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path] as const)).filter(([m, p]) => !SKIP.has(`${m} ${p}`) && !p.startsWith('/api/public/') && !p.startsWith('/verify/'));
    expect(routes.length).toBeGreaterThan(60);
    const ids = [target.caseId, target.complaintId, 'fq', target.userId, target.windowId, target.sealId];
    const values: Record<string, string[]> = { id: ids, caseId: [target.caseId], number: [target.caseNumber], code: ['t-promised'], year: ['2025'], orgId: ['fq'], userId: [target.userId] };
    const before = await snapshot();
    const leaks: string[] = [];
    let calls = 0;
    for (const who of WX_STAFF) {
      const token = await s.login(who);
      for (const [method, path] of routes) {
        const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const choices = params.length === 0 ? [path] : (values[params[0]!] ?? ids).map((v) => params.reduce((p, name) => p.replace(`{${name}}`, encodeURIComponent(name === params[0] ? v : (values[name]?.[0] ?? v))), path));
        for (const url of choices) {
          const withOrg = method === 'GET' ? `${url}${url.includes('?') ? '&' : '?'}orgId=fq` : url;
          const body = method === 'GET' || method === 'DELETE' ? undefined : { orgId: 'fq', caseId: target.caseId, userId: target.userId, windowId: target.windowId, type: 'ACCEPT' };
          for (const u of method === 'GET' ? [url, withOrg] : [url]) {
            // The raw answer (JSON, NDJSON, CSV, PDF, HTML alike) is what is scanned.
            const r = await s.app.inject({ method: method as 'GET', url: u, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) });
            calls++;
            if (r.body.includes(NAME_MARK) || r.body.includes(CONTENT_MARK)) leaks.push(`${who} ${method} ${u} → ${r.statusCode}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toBe(before);
    expect(calls).toBeGreaterThan(routes.length * WX_STAFF.length);
    // The matrix can fail: 枫桥's own clerk does see the marks.
    const own = await s.call(await s.login('clerk-fq'), 'GET', `/api/cases/${target.caseId}`);
    expect(JSON.stringify(own.body)).toContain(NAME_MARK);
  }, 600_000);
});
