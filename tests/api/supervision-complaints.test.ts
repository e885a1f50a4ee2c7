// 投诉处理记录本 (seed 003 township item 41; seed 001 三(四)3 投诉受理调查处理反馈制) and 回访 (seed 000 成效 4):
// a complaint through its trail with dates, its reply letter, the register exported as .xlsx and
// read back, and printed; the month's call-back sample drawn once and its calls counted, a
// dissatisfied one opening a rectification.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidedCase, inboxTitles, userId, windowOf } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const complaint = (body: Record<string, unknown>) => ({ receivedAt: '2025-03-03T09:30:00+08:00', complainant: '李四', phone: '13812345678', content: '窗口人员态度生硬，让我跑了两趟', source: 'mailbox', ...body });
const step = async (who: string, id: string, type: string, payload?: Record<string, unknown>) => s.call(await s.login(who), 'POST', `/api/complaints/${id}/events`, { type, ...(payload ? { payload } : {}) });

async function deliveredCase(clerk = 'clerk-wx') {
  const c = await decidedCase(s, clerk);
  const token = await s.login(clerk);
  await s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'SEAL' });
  const delivered = await s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'DELIVER', payload: { mode: 'window-pickup', recipientName: '张三' } });
  if (delivered.body.state !== 'concluded') throw new Error(JSON.stringify(delivered.body));
  return c;
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  describe('complaints', () => {
    it('records a complaint with the six fields, works it through investigate → handle → reply → close, and prints the reply', async () => {
      s.clock.now = new Date('2025-03-03T10:00:00+08:00');
      const clerk = await s.login('clerk-wx');
      const subject = { kind: 'staff', id: await userId(s, 'clerk-wx') };
      const created = await s.call(clerk, 'POST', '/api/complaints', complaint({ subject }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const c = created.body;
      expect(c).toMatchObject({
        number: expect.stringMatching(/^五泄便投〔2025〕\d+号$/), complainant: '李四', phone: '138****5678', source: 'mailbox', sourceLabel: '意见箱',
        subject: { kind: 'staff', name: '五泄窗口' }, recorder: '五泄窗口', status: 'received', actions: ['INVESTIGATE'],
      });
      expect(await inboxTitles(s, 'head-wx')).toContain(`新投诉 ${c.number}（意见箱）`);

      const early = await step('clerk-wx', c.id, 'REPLY', { method: 'phone', content: 'x' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain('调查核实（INVESTIGATE）');
      expect((await step('clerk-wx', c.id, 'INVESTIGATE', { finding: '属实' })).body.error.details).toEqual([{ pointer: '/payload/confirmed', message: '请选择投诉是否属实' }]);
      s.clock.now = new Date('2025-03-04T10:00:00+08:00');
      expect((await step('head-wx', c.id, 'INVESTIGATE', { finding: '经调阅录像，窗口人员未一次性告知所需材料', confirmed: true })).body).toMatchObject({ status: 'investigated', confirmed: true });
      s.clock.now = new Date('2025-03-05T10:00:00+08:00');
      expect((await step('head-wx', c.id, 'HANDLE', { result: '对当事人批评教育，窗口重新培训一次性告知制度' })).body.status).toBe('handled');
      expect((await s.call(await s.login('head-wx'), 'GET', `/api/complaints/${c.id}/reply.pdf`)).status).toBe(409);
      s.clock.now = new Date('2025-03-06T10:00:00+08:00');
      const replied = await step('clerk-wx', c.id, 'REPLY', { method: 'letter', content: '已为你办结该事项，并向你致歉。' });
      expect(replied.body.reply).toMatchObject({ method: 'letter', methodLabel: '书面答复', number: expect.stringMatching(/^五泄便复〔2025〕\d+号$/) });
      expect((await step('clerk-wx', c.id, 'CLOSE')).status).toBe(403);
      const closed = await step('head-wx', c.id, 'CLOSE');
      expect(closed.body.status).toBe('closed');
      expect(closed.body.history.map((h: { type: string; at: string }) => [h.type, h.at.slice(0, 10)])).toEqual([
        ['RECORD', '2025-03-03'], ['INVESTIGATE', '2025-03-04'], ['HANDLE', '2025-03-05'], ['REPLY', '2025-03-06'], ['CLOSE', '2025-03-06'],
      ]);
      const letter = await s.call(await s.login('head-wx'), 'GET', `/api/complaints/${c.id}/reply.pdf`);
      expect(letter.status).toBe(200);
      expect(Buffer.from(letter.body as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('refuses bad complaints with the field and the reason', async () => {
      const clerk = await s.login('clerk-wx');
      const before = Number((await s.database.db('complaints').count({ n: '*' }))[0]!.n);
      const bad = async (body: Record<string, unknown>, pointer: string) => {
        const res = await s.call(clerk, 'POST', '/api/complaints', complaint(body));
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
      };
      await bad({ source: 'pigeon' }, '/source');
      await bad({ phone: 'call me' }, '/phone');
      await bad({ content: '   ' }, '/content');
      await bad({ receivedAt: '2030-01-01T00:00:00+08:00' }, '/receivedAt');
      await bad({ subject: { kind: 'window', id: await windowOf(s, 'fq') } }, '/subject/id');
      await bad({ subject: { kind: 'item', id: 'no-such-item' } }, '/subject/id');
      expect(Number((await s.database.db('complaints').count({ n: '*' }))[0]!.n)).toBe(before);
      expect((await s.call(await s.login('clerk-fq'), 'GET', '/api/complaints')).body.items.every((c: { org: { id: string } }) => c.org.id === 'fq')).toBe(true);
    });

    it('exports the register as .xlsx (read back with exceljs) and prints the 记录本, phones masked', async () => {
      const clerk = await s.login('clerk-wx');
      const w = await windowOf(s, 'wx');
      await s.call(clerk, 'POST', '/api/complaints', complaint({ receivedAt: '2025-03-04T15:00:00+08:00', complainant: '王五', phone: '0575-87011234', content: '排队时间太长', source: 'hotline', subject: { kind: 'window', id: w } }));
      const res = await s.app.inject({ method: 'GET', url: '/api/complaints/register.xlsx?from=2025-03-01&to=2025-03-31', headers: { authorization: `Bearer ${await s.login('head-wx')}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('投诉处理记录本')!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(String(values(1)[0])).toContain('诸暨市五泄镇便民服务中心投诉处理记录本');
      expect(values(2)).toEqual(['序号', '日期', '投诉编号', '投诉人', '联系电话', '来源', '投诉对象', '投诉内容', '调查核实', '处理结果', '答复', '状态', '记录人']);
      const rows = [values(3), values(4)];
      expect(rows.map((r) => r[3])).toEqual(['李四', '王五']);
      expect(rows[0]).toEqual(expect.arrayContaining([1, '2025年3月3日', '138****5678', '意见箱', '工作人员：五泄窗口', '属实：经调阅录像，窗口人员未一次性告知所需材料', '已办结', '五泄窗口']));
      expect(rows[1]).toEqual(expect.arrayContaining([2, '2025年3月4日', '监督电话', '窗口：综合窗口1', '排队时间太长', '已登记']));
      expect(rows[1]![4]).toMatch(/^[0-9*-]*\*{4}1234$/);
      expect(JSON.stringify(rows)).not.toMatch(/13812345678|87011234/);
      expect(sheet.rowCount).toBe(4);

      const pdf = await s.call(await s.login('head-wx'), 'GET', '/api/complaints/register.pdf?from=2025-03-01&to=2025-03-31');
      expect(pdf.status).toBe(200);
      expect(Buffer.from(pdf.body as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
      expect((await s.call(await s.login('head-wx'), 'GET', '/api/complaints/register.xlsx?orgId=fq')).status).toBe(404);
    });
  });

  describe('call-backs', () => {
    it('draws the month sample once, records the calls and counts them; a dissatisfied call opens a rectification', async () => {
      s.clock.now = new Date('2025-06-10T09:00:00+08:00');
      const concluded = [await deliveredCase(), await deliveredCase(), await deliveredCase()];
      const open = await decidedCase(s); // decided, not concluded: not drawn
      const head = await s.login('head-wx');
      const first = await s.call(head, 'GET', '/api/callbacks/sample?month=2025-06&n=2');
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.items[0]).toMatchObject({ phone: '139****1234', applicantName: '张*', result: 'pending' });
      const again = await s.call(head, 'GET', '/api/callbacks/sample?month=2025-06&n=2');
      expect(again.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(first.body.items.map((i: { caseId: string }) => i.caseId));
      const larger = await s.call(head, 'GET', '/api/callbacks/sample?month=2025-06&n=10');
      expect(larger.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(concluded.map((c) => c.id).sort());
      expect(larger.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(open.id);
      expect((await s.call(head, 'GET', '/api/callbacks/sample?month=2099-01')).status).toBe(400);

      const clerk = await s.login('clerk-wx');
      const [a, b, c] = larger.body.items.map((i: { caseId: string }) => i.caseId) as string[];
      expect((await s.call(clerk, 'POST', '/api/callbacks', { caseId: a, reached: true })).status).toBe(400);
      expect((await s.call(clerk, 'POST', '/api/callbacks', { caseId: open.id, reached: false })).body.error.code).toBe('CALLBACK_NOT_OPEN');
      expect((await s.call(clerk, 'POST', '/api/callbacks', { caseId: a, reached: true, satisfied: true, note: '很满意' })).status).toBe(201);
      expect((await s.call(clerk, 'POST', '/api/callbacks', { caseId: a, reached: true, satisfied: false })).body.error.code).toBe('ALREADY_CALLED_BACK');
      expect((await s.call(clerk, 'POST', '/api/callbacks', { caseId: b, reached: false, note: '无人接听' })).body).toMatchObject({ reached: false, sampled: true });
      const unhappy = await s.call(clerk, 'POST', '/api/callbacks', { caseId: c, reached: true, satisfied: false, note: '说要跑两趟' });
      expect(unhappy.body.rectificationId).toEqual(expect.any(String));
      const rect = await s.call(head, 'GET', `/api/rectifications/${unhappy.body.rectificationId}`);
      expect(rect.body).toMatchObject({ source: 'callback', status: 'open', evaluation: null, case: { id: c } });

      const month = await s.call(head, 'GET', '/api/callbacks?month=2025-06');
      expect(month.body.counts).toEqual({ calls: 3, satisfied: 1, dissatisfied: 1, unreached: 1 });
      const sample = await s.call(head, 'GET', '/api/callbacks/sample?month=2025-06');
      expect(sample.body.counts).toEqual({ satisfied: 1, dissatisfied: 1, unreached: 1, pending: 0 });
    });
  });
});
