// 台账: a village station's month of cases — its own and the township items it relayed — read as
// pages, as .xlsx read back with exceljs, as CSV, and printed with the station's seal (the use logged
// with the digest of the very bytes served); masked, in order, scoped to what the user may see.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Digest } from '../../core/src/seals/index.ts';
import { windowOf } from '../support/supervision.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
const MARCH = 'orgId=wx-ssd&from=2025-03-01&to=2025-03-31';

async function create(username: string, itemCode: string, at: string, name = '张三'): Promise<string> {
  s.clock.now = new Date(at);
  const data = applicationData();
  const res = await s.call(await s.login(username), 'POST', '/api/cases', {
    itemCode,
    data: { ...data, applicant: { ...data.applicant, name } },
    materials: { 'id-card': 'provided', 'bank-card': 'provided' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function step(username: string, id: string, type: string, payload?: Record<string, unknown>) {
  s.clock.now = new Date(s.clock.now.getTime() + 5 * 60_000);
  const res = await s.call(await s.login(username), 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) });
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
}

const get = async (username: string, url: string) => s.call(await s.login(username), 'GET', url);

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
    await create('agent-wx-ssd', 't-reported', '2025-03-03T09:00:00+08:00', '王小明');
    const relayed = await create('agent-wx-ssd', 't-immediate', '2025-03-03T09:10:00+08:00', '李四');
    for (const type of ['ACCEPT', 'APPROVE', 'SEAL']) await step('clerk-wx', relayed, type, type === 'APPROVE' ? { opinion: '同意' } : undefined);
    await step('clerk-wx', relayed, 'DELIVER', { mode: 'window-pickup', recipientName: '李四' });
    const referred = await create('agent-wx-ssd', 't-returned', '2025-03-04T10:00:00+08:00', '赵六');
    await step('clerk-wx', referred, 'REFER', { reason: '供水开户由供水企业办理' });
    await create('clerk-wx', 't-immediate', '2025-03-05T10:00:00+08:00');
    await create('agent-wx-ssd', 't-reported', '2025-04-01T09:00:00+08:00');
    s.clock.now = new Date('2025-04-02T09:00:00+08:00');
  });
  afterAll(() => s?.close());

  it('lists the station’s cases of the month in order, masked, with channel, agent, result, delivery and conclusion', async () => {
    const res = await get('head-wx', `/api/ledger?${MARCH}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.org).toEqual({ id: 'wx-ssd', name: '五泄镇十四都村便民服务站', level: 'village' });
    expect(res.body.items.map((r: Record<string, unknown>) => [r.applicant, r.phone, r.itemName, r.channelName, r.agent, r.result, r.delivery])).toEqual([
      ['王**', '139****1234', '测试事项t-reported', '窗口', '十四都代办员', '办理中', null],
      ['李*', '139****1234', '测试事项t-immediate', '窗口', '十四都代办员', '办结（准予）', '窗口领取'],
      ['赵*', '139****1234', '测试事项t-returned', '窗口', '十四都代办员', '告知转办', null],
    ]);
    expect(res.body.items[1].concludedAt).toBe('2025-03-03T01:30:00.000Z');
    expect(res.body.items[0].concludedAt).toBeNull();
    expect(res.body.nextCursor).toBeNull();
    // The township's own ledger holds what was taken in at its counter, not the station's relays.
    const township = await get('head-wx', '/api/ledger?from=2025-03-01&to=2025-03-31');
    expect(township.body.items).toHaveLength(1);
    expect(township.body.items[0]).toMatchObject({ applicant: '张*', handler: '五泄窗口', agent: null, result: '办理中' });
  });

  it('pages by cursor, filters by window and refuses what is outside the user’s scope', async () => {
    const first = await get('head-wx', `/api/ledger?${MARCH}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await get('head-wx', `/api/ledger?${MARCH}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: { applicant: string }) => r.applicant)).toEqual(['赵*']);
    expect(second.body.nextCursor).toBeNull();
    const byWindow = await get('head-wx', `/api/ledger?${MARCH}&windowId=${await windowOf(s, 'wx-ssd')}`);
    expect(byWindow.body.window.name).toBe('代办窗口');
    expect(byWindow.body.items).toHaveLength(3);
    const wrongWindow = await get('head-wx', `/api/ledger?${MARCH}&windowId=${await windowOf(s, 'wx')}`);
    expect(wrongWindow.status).toBe(404);
    expect(wrongWindow.body.error).toMatchObject({ code: 'WINDOW_NOT_FOUND', details: [{ pointer: '/windowId' }] });
    expect((await get('head-fq', `/api/ledger?${MARCH}`)).status).toBe(404);
    expect((await get('head-wx', `/api/ledger?${MARCH}&cursor=nonsense`)).status).toBe(400);
    expect((await get('head-wx', '/api/ledger?from=2025-04-01&to=2025-03-01')).status).toBe(400);
  });

  it('exports the ledger as .xlsx (read back with exceljs) and as CSV', async () => {
    const xlsx = await get('agent-wx-ssd', `/api/ledger.xlsx?${MARCH}`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('服务记录台账')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('五泄镇十四都村便民服务站服务记录台账（2025-03-01 至 2025-03-31）');
    expect(values(2)).toEqual(['序号', '收件时间', '办件编号', '事项', '申请人', '联系电话', '渠道', '经办人', '代办员', '办理结果', '送达方式', '办结时间']);
    expect(values(4)).toEqual([2, '2025-03-03 09:10', expect.stringMatching(/^WX20250303\d{4}$/), '测试事项t-immediate', '李*', '139****1234', '窗口', '十四都代办员', '十四都代办员', '办结（准予）', '窗口领取', '2025-03-03 09:30']);
    expect(sheet.rowCount).toBe(5);

    const csv = await get('agent-wx-ssd', `/api/ledger.csv?${MARCH}`);
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff序号,收件时间,办件编号')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^3,2025-03-04 10:00,WX20250304\d{4},测试事项t-returned,赵\*,139\*\*\*\*1234,窗口,十四都代办员,十四都代办员,告知转办,,$/);
  });

  it('prints the ledger sealed by the station: its seal’s use is logged with the digest of the PDF served', async () => {
    const pdf = await get('agent-wx-ssd', `/api/ledger.pdf?${MARCH}`);
    expect(pdf.status).toBe(200);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const use = await s.database.db('seal_uses').where({ document_number: '十四都台账〔2025-03-01至2025-03-31〕' }).first();
    expect(use).toBeTruthy();
    expect(use.digest).toBe(Buffer.from(sm3Digest(bytes)).toString('hex'));
    const seal = await s.database.db('seals').where({ id: use.seal_id }).first();
    expect(seal).toMatchObject({ org_id: 'wx-ssd', kind: 'business' });
  });
});
