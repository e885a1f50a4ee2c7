// Supervision's rates for a period (好评率, 差评数, 整改率, 实名差评回访整改率, 回访满意率) per organisation,
// window, staff and item, from rollup rows kept as things happen; the centre head's page; and the
// 办不成事 requests with an owner and an answer date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepSupervision } from '../../core/src/supervision/index.ts';
import { decidedCase, inboxTitles, PHONE4, userId, windowOf } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const evaluate = (number: string, body: Record<string, unknown>) => s.call(null, 'POST', `/api/public/cases/${encodeURIComponent(number)}/evaluation`, { phone4: PHONE4, ...body });
const event = async (who: string, id: string, type: string, payload?: Record<string, unknown>) => {
  const res = await s.call(await s.login(who), 'POST', `/api/rectifications/${id}/events`, { type, ...(payload ? { payload } : {}) });
  if (res.status !== 200) throw new Error(`${type}: ${JSON.stringify(res.body)}`);
  return res.body;
};

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('counts a month of evaluations, rectifications, call-backs and complaints into the rates', async () => {
    s.clock.now = new Date('2025-03-03T09:00:00+08:00');
    const clerkId = await userId(s, 'clerk-wx');
    const w = await windowOf(s, 'wx');
    for (const level of [5, 4, 3]) await evaluate((await decidedCase(s)).number, { level });
    // A real-name 不满意, rectified and called back within 7 days.
    const bad = (await evaluate((await decidedCase(s)).number, { level: 2, reasons: ['slow'], realName: true })).body.rectification.id;
    await event('head-wx', bad, 'ASSIGN', { userId: clerkId });
    await event('clerk-wx', bad, 'VERIFY', { justified: true, finding: '属实' });
    await event('clerk-wx', bad, 'RECTIFY', { measures: '增开窗口' });
    await event('clerk-wx', bad, 'FOLLOW_UP', { reached: true, satisfied: true });
    await event('head-wx', bad, 'CLOSE');
    // An anonymous 非常不满意 annulled on appeal: not a 差评 any more.
    const annulled = (await evaluate((await decidedCase(s)).number, { level: 1, reasons: ['other'] })).body.rectification.id;
    await event('head-wx', annulled, 'APPEAL', { reason: '恶意差评' });
    await event('supervisor', annulled, 'DECIDE_APPEAL', { upheld: true, note: '申诉成立' });
    // A real-name 不满意 still open.
    await evaluate((await decidedCase(s)).number, { level: 2, reasons: ['waiting'], realName: true });
    // Another township's evaluation is not counted in 五泄's.
    await evaluate((await decidedCase(s, 'clerk-fq')).number, { level: 1, reasons: ['attitude'] });
    const complained = await s.call(await s.login('clerk-wx'), 'POST', '/api/complaints', { receivedAt: '2025-03-03T08:30:00+08:00', complainant: '李四', content: '窗口排队太久', source: 'window', subject: { kind: 'window', id: w } });
    expect(complained.status, JSON.stringify(complained.body)).toBe(201);

    const head = await s.login('head-wx');
    const stats = await s.call(head, 'GET', '/api/supervision/stats?from=2025-03-01&to=2025-03-31');
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.total).toMatchObject({
      evaluations: 6, good: 2, bad: 2, goodRate: 0.3333, rectified: 1, rectificationRate: 0.5, rectifiedOnTimeRate: 0.5,
      realNameBad: 2, realNameRectifiedCalledBack: 1, realNameRate: 0.5, complaints: 1, complaintsConfirmed: 0,
    });
    const byWindow = await s.call(head, 'GET', '/api/supervision/stats?from=2025-03-01&to=2025-03-31&groupBy=window');
    expect(byWindow.body.rows.map((r: { key: string; name: string; evaluations: number }) => [r.key, r.name, r.evaluations])).toEqual([
      [w, '诸暨市五泄镇便民服务中心 综合窗口1', 6],
    ]);
    const byStaff = await s.call(head, 'GET', '/api/supervision/stats?from=2025-03-01&to=2025-03-31&groupBy=staff');
    expect(byStaff.body.rows[0]).toMatchObject({ key: clerkId, name: '五泄窗口', evaluations: 6, bad: 2 });
    const byItem = await s.call(head, 'GET', '/api/supervision/stats?from=2025-03-01&to=2025-03-31&groupBy=item');
    expect(byItem.body.rows[0]).toMatchObject({ key: 't-immediate', name: '测试事项t-immediate' });
    const county = await s.call(await s.login('supervisor'), 'GET', '/api/supervision/stats?from=2025-03-01&to=2025-03-31&groupBy=org');
    expect(county.body.rows.map((r: { key: string; evaluations: number }) => [r.key, r.evaluations]).sort()).toEqual([['fq', 1], ['wx', 6]]);
    expect((await s.call(head, 'GET', '/api/supervision/stats?from=2025-04-01&to=2025-04-30')).body.total).toMatchObject({ evaluations: 0, goodRate: null });
    expect((await s.call(head, 'GET', '/api/supervision/stats?from=2025-04-01&to=2025-03-01')).status).toBe(400);
    expect((await s.call(head, 'GET', '/api/supervision/stats?orgId=fq')).status).toBe(404);

    const summary = await s.call(head, 'GET', '/api/supervision/summary');
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    expect(summary.body).toMatchObject({ org: { id: 'wx' }, month: { evaluations: 6, bad: 2 }, rectifications: { open: 1, overdue: 0, unassigned: 1 }, complaints: { open: 1 } });
    expect(summary.body.dueFirst).toHaveLength(1);
  });

  it('records a 办不成事 request with its owner and answer date, warns the owner and tells the head when it passes', async () => {
    s.clock.now = new Date('2025-03-10T09:00:00+08:00');
    const clerk = await s.login('clerk-wx');
    const owner = await userId(s, 'approver-wx');
    const bad = await s.call(clerk, 'POST', '/api/unresolved-requests', { requester: '赵六', content: '想办理宅基地跨村置换，没有对应事项', ownerId: owner, answerDue: '2025-03-09' });
    expect(bad.status).toBe(400);
    expect((await s.call(clerk, 'POST', '/api/unresolved-requests', { requester: '赵六', content: '没有事项', ownerId: await userId(s, 'clerk-fq'), answerDue: '2025-03-12' })).status).toBe(400);
    const created = await s.call(clerk, 'POST', '/api/unresolved-requests', { requester: '赵六', phone: '13700001234', content: '想办理宅基地跨村置换，没有对应事项', ownerId: owner, answerDue: '2025-03-12' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', owner: { name: '五泄审批' }, phone: '137****1234', canAnswer: false });
    expect(await inboxTitles(s, 'approver-wx')).toContain('办不成事反映：请于 2025-03-12 前答复赵六');
    s.clock.now = new Date('2025-03-12T08:00:00+08:00');
    await sweepSupervision(s.started.runtime.supervision, 'test', s.clock.now);
    expect(await inboxTitles(s, 'approver-wx')).toContain('办不成事反映今日到期：赵六');
    s.clock.now = new Date('2025-03-13T08:00:00+08:00');
    await sweepSupervision(s.started.runtime.supervision, 'test', s.clock.now);
    expect(await inboxTitles(s, 'head-wx')).toContain('办不成事反映逾期未答复：赵六');
    expect((await s.call(await s.login('head-wx'), 'GET', '/api/supervision/summary')).body.requests).toEqual({ open: 1, overdue: 1 });
    expect((await s.call(await s.login('clerk-wx'), 'POST', `/api/unresolved-requests/${created.body.id}/answer`, { answer: '已协调' })).status).toBe(403);
    const answered = await s.call(await s.login('approver-wx'), 'POST', `/api/unresolved-requests/${created.body.id}/answer`, { answer: '已联系自然资源所，按一事一议办理' });
    expect(answered.body).toMatchObject({ status: 'answered', overdue: true });
    expect((await s.call(await s.login('approver-wx'), 'POST', `/api/unresolved-requests/${created.body.id}/answer`, { answer: '再答' })).body.error.code).toBe('UNRESOLVED_REQUEST_ANSWERED');
    expect((await s.call(await s.login('approver-wx'), 'GET', '/api/unresolved-requests?mine=true')).body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
  });
});
