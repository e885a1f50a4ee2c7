// 否定报备 (seed 003 village item 32, township item 38 窗口无否决权): every REFUSE or DENY by a clerk or an
// agent is reported to the centre head the same day, who agrees or overturns it; an organisation's
// setting may instead require the head's countersignature before the refusal is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepSupervision } from '../../core/src/supervision/index.ts';
import { applicationData } from '../support/test-items.ts';
import { inboxTitles } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const receive = async (who: string, itemCode: string) => {
  const c = await s.call(await s.login(who), 'POST', '/api/cases', { itemCode, data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  return c.body as { id: string; number: string; version: number };
};
const send = async (who: string, id: string, type: string, payload: Record<string, unknown> = {}) => s.call(await s.login(who), 'POST', `/api/cases/${id}/events`, { type, payload });

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it("reports an agent's refusal to the township head, who overturns it", async () => {
    s.clock.now = new Date('2025-03-03T09:00:00+08:00');
    const c = await receive('agent-wx-ssd', 't-reported');
    const refused = await send('agent-wx-ssd', c.id, 'REFUSE', { reason: '申请人不在本村居住' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.state).toBe('returned.handingBack');
    const head = await s.login('head-wx');
    const pending = await s.call(head, 'GET', '/api/refusal-reports?status=pending');
    const report = pending.body.items.find((r: { case: { id: string } }) => r.case.id === c.id);
    expect(report).toMatchObject({ eventType: 'REFUSE', reason: '申请人不在本村居住', mode: 'report', status: 'reported', staff: { name: '十四都代办员' }, org: { id: 'wx-ssd' }, canReview: true });
    expect(await inboxTitles(s, 'head-wx')).toContain(`否定报备：十四都代办员对 ${c.number} 作出不予受理`);
    // Only the head reviews, and an overturn says why.
    expect((await s.call(await s.login('clerk-wx'), 'POST', `/api/refusal-reports/${report.id}/review`, { agreed: true })).status).toBe(403);
    expect((await s.call(head, 'POST', `/api/refusal-reports/${report.id}/review`, { agreed: false })).status).toBe(400);
    const overturned = await s.call(head, 'POST', `/api/refusal-reports/${report.id}/review`, { agreed: false, note: '户籍在本村即可办理，不以居住为条件' });
    expect(overturned.body).toMatchObject({ status: 'overturned', reviewer: { name: '五泄中心主任' }, canReview: false });
    expect(await inboxTitles(s, 'agent-wx-ssd')).toContain(`${c.number} 的不予受理报备：不同意`);
    const twice = await s.call(head, 'POST', `/api/refusal-reports/${report.id}/review`, { agreed: true });
    expect(twice.body.error.code).toBe('REFUSAL_ALREADY_REVIEWED');
    // Another township's head sees none of it.
    expect((await s.call(await s.login('head-fq'), 'GET', `/api/refusal-reports/${report.id}`)).status).toBe(404);
  });

  it("reports a clerk's denial, not an approver's, and reminds the head of one left unreviewed that day", async () => {
    s.clock.now = new Date('2025-03-04T10:00:00+08:00');
    const c = await receive('clerk-wx', 't-immediate');
    await send('clerk-wx', c.id, 'ACCEPT');
    expect((await send('clerk-wx', c.id, 'DENY', { reason: '不符合条件' })).body.state).toBe('denied');
    const d = await receive('clerk-wx', 't-promised');
    await send('clerk-wx', d.id, 'ACCEPT');
    expect((await send('approver-wx', d.id, 'DENY', { reason: '不符合条件' })).body.state).toBe('denied');
    const head = await s.login('head-wx');
    expect((await s.call(head, 'GET', `/api/refusal-reports?caseId=${c.id}`)).body.items).toHaveLength(1);
    expect((await s.call(head, 'GET', `/api/refusal-reports?caseId=${d.id}`)).body.items).toHaveLength(0);
    s.clock.now = new Date('2025-03-05T00:10:00+08:00');
    await sweepSupervision(s.started.runtime.supervision, 'test', s.clock.now);
    expect(await inboxTitles(s, 'head-wx')).toContain('否定报备待审核：五泄窗口的不予办理');
    const agreed = await s.call(await s.login('head-wx'), 'POST', `/api/refusal-reports/${(await s.call(await s.login('head-wx'), 'GET', `/api/refusal-reports?caseId=${c.id}`)).body.items[0].id}/review`, { agreed: true });
    expect(agreed.body.status).toBe('agreed');
  });

  it('holds a refusal until the head countersigns it, with the reason the head signed', async () => {
    s.clock.now = new Date('2025-03-06T09:00:00+08:00');
    const head = await s.login('head-wx');
    const set = await s.call(head, 'PUT', '/api/orgs/wx/supervision-settings', { rectificationDays: null, refusalReview: 'countersign', callbackSampleSize: null });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.effective).toEqual({ rectificationDays: 7, refusalReview: 'countersign', callbackSampleSize: 10 });
    // The villages below take it too.
    expect((await s.call(head, 'GET', '/api/orgs/wx-ssd/supervision-settings')).body).toMatchObject({ effective: { refusalReview: 'countersign' }, from: { refusalReview: 'wx', rectificationDays: null } });
    expect((await s.call(await s.login('clerk-wx'), 'PUT', '/api/orgs/wx/supervision-settings', { rectificationDays: 3, refusalReview: null, callbackSampleSize: null })).status).toBe(403);
    expect((await s.call(head, 'PUT', '/api/orgs/wx/supervision-settings', { rectificationDays: 10, refusalReview: 'countersign', callbackSampleSize: null })).status).toBe(400);

    const c = await receive('clerk-wx', 't-immediate');
    const blocked = await send('clerk-wx', c.id, 'REFUSE', { reason: '材料不全且无法补正' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('COUNTERSIGNATURE_REQUIRED');
    const unchanged = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.id}`);
    expect(unchanged.body).toMatchObject({ state: 'received', version: c.version, documents: [] });

    const clerk = await s.login('clerk-wx');
    const asked = await s.call(clerk, 'POST', '/api/refusal-reports', { caseId: c.id, eventType: 'REFUSE', reason: '材料不全且无法补正' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ mode: 'countersign', status: 'requested' });
    expect((await s.call(clerk, 'POST', '/api/refusal-reports', { caseId: c.id, eventType: 'REFUSE', reason: '再问一次' })).status).toBe(409);
    expect((await send('clerk-wx', c.id, 'REFUSE', { reason: '材料不全且无法补正' })).body.error.message).toContain('待中心负责人审核');
    expect((await s.call(head, 'POST', `/api/refusal-reports/${asked.body.id}/review`, { agreed: true, note: '同意' })).body.status).toBe('countersigned');
    const otherReason = await send('clerk-wx', c.id, 'REFUSE', { reason: '另一个理由' });
    expect(otherReason.status).toBe(409);
    expect(otherReason.body.error.details).toEqual([{ pointer: '/payload/reason', message: '与会签理由不一致' }]);
    const refused = await send('clerk-wx', c.id, 'REFUSE', { reason: '材料不全且无法补正' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['refusal-decision']);
    expect((await s.call(head, 'GET', `/api/refusal-reports/${asked.body.id}`)).body.status).toBe('issued');

    // Declined: the refusal stays blocked and the clerk goes on with the case.
    const d = await receive('clerk-wx', 't-immediate');
    const again = await s.call(clerk, 'POST', '/api/refusal-reports', { caseId: d.id, eventType: 'REFUSE', reason: '不属于本中心' });
    await s.call(head, 'POST', `/api/refusal-reports/${again.body.id}/review`, { agreed: false, note: '属于本中心受理范围，请受理' });
    expect((await send('clerk-wx', d.id, 'REFUSE', { reason: '不属于本中心' })).body.error.message).toContain('中心负责人不同意');
    expect((await send('clerk-wx', d.id, 'ACCEPT')).status).toBe(200);
    await s.call(head, 'PUT', '/api/orgs/wx/supervision-settings', { rectificationDays: null, refusalReview: null, callbackSampleSize: null });
  });
});
