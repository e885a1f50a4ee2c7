// 好差评 and the 7-day rectification of a bad one (seed 002 art. 35; seed 003 task 6, township items
// 41–43): evaluations from the window QR, the portal, the window evaluator and the paper card, once
// per case and only after a decision; a bad one opens a work order that is assigned, verified,
// rectified, called back and closed within its due date — or left to go overdue, or appealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepSupervision } from '../../core/src/supervision/index.ts';
import { applicationData } from '../support/test-items.ts';
import { decidedCase, inboxTitles, PHONE4, userId, windowOf } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const sweep = () => sweepSupervision(s.started.runtime.supervision, 'test-sweeper', new Date(s.clock.now));
const evaluate = (number: string, body: Record<string, unknown>) => s.call(null, 'POST', `/api/public/cases/${encodeURIComponent(number)}/evaluation`, { phone4: PHONE4, ...body });
const event = async (who: string, id: string, type: string, payload?: Record<string, unknown>) =>
  s.call(await s.login(who), 'POST', `/api/rectifications/${id}/events`, { type, ...(payload ? { payload } : {}) });

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  describe('evaluations', () => {
    it('opens only once the case reached a decision, and only once per case', async () => {
      s.clock.now = new Date('2025-03-03T09:00:00+08:00');
      const clerk = await s.login('clerk-wx');
      const c = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
      const early = await evaluate(c.body.number, { level: 5 });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('EVALUATION_NOT_OPEN');
      expect((await s.call(null, 'GET', `/api/public/cases/${c.body.number}?phone=${PHONE4}`)).body.canEvaluate).toBe(false);
      await s.call(clerk, 'POST', `/api/cases/${c.body.id}/events`, { type: 'ACCEPT' });
      await s.call(clerk, 'POST', `/api/cases/${c.body.id}/events`, { type: 'APPROVE', payload: { opinion: '同意' } });
      expect((await s.call(null, 'GET', `/api/public/cases/${c.body.number}?phone=${PHONE4}`)).body.canEvaluate).toBe(true);
      const first = await evaluate(c.body.number, { level: 5, comment: '很快', dimensions: { attitude: 5, efficiency: 5 } });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ level: 5, label: '非常满意', channel: 'portal', rectification: null });
      const again = await evaluate(c.body.number, { level: 1, reasons: ['slow'] });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_EVALUATED');
      const page = await s.call(await s.login('head-wx'), 'GET', `/api/evaluations?caseId=${c.body.id}`);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0]).toMatchObject({ level: 5, channel: 'portal', staff: { name: '五泄窗口' }, window: { name: '综合窗口1' }, dimensions: { attitude: 5, efficiency: 5 } });
    });

    it('refuses bad input with the field and the reason, writing nothing', async () => {
      const c = await decidedCase(s);
      const noReason = await evaluate(c.number, { level: 2 });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details).toEqual([{ pointer: '/reasons', message: '不满意评价请至少选择一项原因' }]);
      expect((await evaluate(c.number, { level: 6 })).status).toBe(400);
      expect((await evaluate(c.number, { level: 2, reasons: ['no-such-reason'] })).status).toBe(400);
      expect((await s.call(null, 'POST', `/api/public/cases/${c.number}/evaluation`, { phone4: '0000', level: 5 })).status).toBe(404);
      const otherWindow = await windowOf(s, 'fq');
      const wrong = await evaluate(c.number, { level: 4, windowId: otherWindow });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details[0].pointer).toBe('/windowId');
      expect(await s.database.db('evaluations').where({ case_id: c.id }).first()).toBeUndefined();
    });

    it('takes the window evaluator only for the case its clerk handed to it, and paper cards once per card', async () => {
      const c = await decidedCase(s);
      const clerk = await s.login('clerk-wx');
      const tablet = { caseId: c.id, channel: 'tablet', level: 4, realName: false };
      expect((await s.call(clerk, 'POST', '/api/evaluations', tablet)).body.error.code).toBe('EVALUATION_NOT_REQUESTED');
      const asked = await s.call(clerk, 'POST', '/api/evaluations/requests', { caseId: c.id });
      expect(asked.status).toBe(201);
      const w = asked.body.windowId;
      expect((await s.call(clerk, 'GET', `/api/windows/${w}/evaluation-request`)).body.pending).toMatchObject({ caseId: c.id, caseNumber: c.number });
      expect((await s.call(clerk, 'POST', '/api/evaluations', tablet)).status).toBe(201);
      expect((await s.call(clerk, 'GET', `/api/windows/${w}/evaluation-request`)).body.pending).toBeNull();

      const d = await decidedCase(s);
      const card = { caseId: d.id, channel: 'paper', level: 3, realName: false, cardNumber: 'WX-0001' };
      expect((await s.call(clerk, 'POST', '/api/evaluations', { ...card, cardNumber: undefined })).status).toBe(400);
      expect((await s.call(clerk, 'POST', '/api/evaluations', card)).status).toBe(201);
      const e = await decidedCase(s);
      const reused = await s.call(clerk, 'POST', '/api/evaluations', { ...card, caseId: e.id });
      expect(reused.body.error.code).toBe('CARD_ALREADY_ENTERED');
      // Another township's case is out of the clerk's scope.
      const other = await decidedCase(s, 'clerk-fq');
      expect((await s.call(clerk, 'POST', '/api/evaluations', { ...card, caseId: other.id, cardNumber: 'WX-0002' })).status).toBe(404);
    });
  });

  describe('rectification of a bad evaluation', () => {
    it('walks a 不满意 at the window QR from the work order to its closing within 7 days', async () => {
      s.clock.now = new Date('2025-03-03T10:00:00+08:00');
      const c = await decidedCase(s);
      const qr = await windowOf(s, 'wx');
      expect((await s.call(null, 'GET', `/api/public/windows/${qr}`)).body).toMatchObject({ name: '综合窗口1', org: { name: '诸暨市五泄镇便民服务中心' } });
      const rated = await evaluate(c.number, { level: 2, reasons: ['slow', 'attitude'], comment: '等了很久', windowId: qr, realName: true });
      expect(rated.status, JSON.stringify(rated.body)).toBe(201);
      expect(rated.body.channel).toBe('qr');
      // Seven calendar days (seed 002 art. 35(三) 7日内; the seeds say 工作日 where they mean working days).
      expect(rated.body.rectificationDueAt).toBe('2025-03-10T15:59:59.999Z');
      const id = rated.body.rectification.id;
      expect(await inboxTitles(s, 'head-wx')).toContainEqual(expect.stringMatching(/新的差评整改工单.*请分派/));

      const head = await s.login('head-wx');
      const opened = await s.call(head, 'GET', `/api/rectifications/${id}`);
      expect(opened.body).toMatchObject({ status: 'open', number: expect.stringMatching(/^五泄便整〔2025〕\d+号$/), evaluation: { level: 2, reasons: ['办理时间长、未按时办结', '服务态度差、推诿扯皮'] }, window: { id: qr } });
      expect(opened.body.actions).toEqual(['ASSIGN', 'APPEAL']);
      expect(opened.body.evaluator.phone).toBe('139****1234');
      const clerkId = await userId(s, 'clerk-wx');
      expect(opened.body.assignees.map((a: { id: string }) => a.id)).toContain(clerkId);

      // Wrong state: 409 naming what the order takes now; wrong person: 403; bad payload: 400.
      const early = await event('head-wx', id, 'CLOSE');
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('RECTIFICATION_EVENT_NOT_ALLOWED');
      expect(early.body.error.message).toContain('分派（ASSIGN）');
      expect((await event('clerk-wx', id, 'ASSIGN', { userId: clerkId })).status).toBe(403);
      expect((await event('head-wx', id, 'ASSIGN', {})).status).toBe(400);
      expect((await event('head-wx', id, 'ASSIGN', { userId: await userId(s, 'clerk-fq') })).status).toBe(400);

      const work = async (who: string) => (await s.call(await s.login(who), 'GET', '/api/supervision/work')).body;
      expect((await work('head-wx')).items.map((t: { id: string }) => t.id)).toContain(id);
      expect((await event('head-wx', id, 'ASSIGN', { userId: clerkId })).body.status).toBe('assigned');
      // Now it waits for the assignee, not the head.
      expect((await work('clerk-wx')).items).toContainEqual(expect.objectContaining({ kind: 'rectification', id, overdue: false }));
      expect((await work('head-wx')).items.map((t: { id: string }) => t.id)).not.toContain(id);
      expect(await inboxTitles(s, 'clerk-wx')).toContainEqual(expect.stringMatching(/已分派给您/));
      s.clock.now = new Date('2025-03-05T10:00:00+08:00');
      expect((await event('clerk-wx', id, 'VERIFY', { justified: true, finding: '当日系统故障，等候 40 分钟' })).body.status).toBe('verified');
      expect((await event('clerk-wx', id, 'EXPLAIN', { explanation: 'x' })).status).toBe(409);
      expect((await event('clerk-wx', id, 'RECTIFY', { measures: '增设备用受理终端，故障时启用' })).body.status).toBe('rectified');
      const notReached = await event('clerk-wx', id, 'FOLLOW_UP', { reached: false, note: '无人接听' });
      expect(notReached.body).toMatchObject({ status: 'rectified', followUps: 1 });
      expect(notReached.body.actions).not.toContain('CLOSE');
      expect((await event('clerk-wx', id, 'FOLLOW_UP', { reached: true, satisfied: true, note: '认可整改' })).body.status).toBe('followed-up');
      expect((await event('clerk-wx', id, 'CLOSE')).status).toBe(403);
      s.clock.now = new Date('2025-03-07T10:00:00+08:00');
      const closed = await event('head-wx', id, 'CLOSE', { note: '整改到位' });
      expect(closed.body).toMatchObject({ status: 'closed', overdue: false, closedAt: '2025-03-07T02:00:00.000Z' });
      expect(closed.body.history.map((h: { type: string }) => h.type)).toEqual(['OPEN', 'ASSIGN', 'VERIFY', 'RECTIFY', 'FOLLOW_UP', 'FOLLOW_UP', 'CLOSE']);
      expect((await event('head-wx', id, 'APPEAL', { reason: 'x' })).status).toBe(409);
      // Its deadlines went with it: nothing fires for a closed order.
      s.clock.now = new Date('2025-03-12T10:00:00+08:00');
      await sweep();
      expect((await inboxTitles(s, 'supervisor')).filter((t) => t.includes(closed.body.number))).toEqual([]);

      const pdf = await s.call(await s.login('head-wx'), 'GET', `/api/rectifications/${id}/feedback.pdf`);
      expect(pdf.status).toBe(200);
      expect(Buffer.from(pdf.body as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('warns a day before the due date and tells the county when a work order goes overdue', async () => {
      s.clock.now = new Date('2025-04-01T09:00:00+08:00');
      const c = await decidedCase(s);
      const rated = await evaluate(c.number, { level: 1, reasons: ['not-done'] });
      const id = rated.body.rectification.id;
      const number = (await s.call(await s.login('head-wx'), 'GET', `/api/rectifications/${id}`)).body.number;
      s.clock.now = new Date('2025-04-07T12:00:00+08:00');
      expect((await sweep()).fired).toBe(0);
      // From the start of the last day (24 h before the end of 8 April).
      s.clock.now = new Date('2025-04-08T00:30:00+08:00');
      expect((await sweep()).fired).toBe(1);
      expect(await inboxTitles(s, 'head-wx')).toContain(`差评整改工单 ${number} 明日到期`);
      s.clock.now = new Date('2025-04-09T08:00:00+08:00');
      expect((await sweep()).fired).toBe(1);
      expect((await sweep()).fired).toBe(0);
      expect(await inboxTitles(s, 'supervisor')).toContain(`差评整改超期：诸暨市五泄镇便民服务中心 ${number}`);
      const overdue = await s.call(await s.login('supervisor'), 'GET', '/api/rectifications?overdue=true');
      expect(overdue.body.items.map((r: { id: string }) => r.id)).toContain(id);
      expect(overdue.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ overdue: true, org: { id: 'wx' } });
      // Another township's head does not see it.
      expect((await s.call(await s.login('head-fq'), 'GET', `/api/rectifications/${id}`)).status).toBe(404);
    });

    it('takes an appeal to the county, whose decision upheld takes the bad evaluation out of the count', async () => {
      s.clock.now = new Date('2025-05-06T09:00:00+08:00');
      const c = await decidedCase(s);
      const id = (await evaluate(c.number, { level: 1, reasons: ['other'], comment: '不给我办就差评' })).body.rectification.id;
      expect((await event('head-wx', id, 'APPEAL', {})).status).toBe(400);
      expect((await event('head-wx', id, 'APPEAL', { reason: '申请人要求办理不符合条件的事项，恶意差评' })).body.status).toBe('appealed');
      expect(await inboxTitles(s, 'supervisor')).toContainEqual(expect.stringMatching(/提出申诉/));
      expect((await event('head-wx', id, 'DECIDE_APPEAL', { upheld: true, note: 'x' })).status).toBe(403);
      const decided = await event('supervisor', id, 'DECIDE_APPEAL', { upheld: true, note: '经核查，诉求缺乏法定依据' });
      expect(decided.body).toMatchObject({ status: 'annulled', appeal: { upheld: true } });
      expect(decided.body.actions).toEqual([]);

      // Not upheld: back where it was, and no second appeal.
      const d = await decidedCase(s);
      const other = (await evaluate(d.number, { level: 2, reasons: ['waiting'] })).body.rectification.id;
      await event('head-wx', other, 'ASSIGN', { userId: await userId(s, 'clerk-wx') });
      await event('head-wx', other, 'APPEAL', { reason: '排队属高峰期正常现象' });
      const rejected = await event('supervisor', other, 'DECIDE_APPEAL', { upheld: false, note: '应增开窗口' });
      expect(rejected.body.status).toBe('assigned');
      expect(rejected.body.actions).not.toContain('APPEAL');
    });
  });
});
