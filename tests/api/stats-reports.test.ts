// Monthly reports: a village's February drafted from the data, submitted, returned with a note,
// submitted again and accepted by its township, then locked — a later change to February goes into
// March's draft as a correction; the township's roll-up submitted to the county and accepted there;
// the county's own roll-up; indicators against the seeds' thresholds with their source; .xlsx read
// back and the sealed PDF. On SQLite and PostgreSQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Digest } from '../../core/src/seals/index.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

async function create(username: string, itemCode: string, at: string): Promise<void> {
  s.clock.now = new Date(at);
  const res = await s.call(await s.login(username), 'POST', '/api/cases', { itemCode, data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const call = async (username: string, method: 'GET' | 'POST', url: string, body?: unknown) => s.call(await s.login(username), method, url, body);
const event = (username: string, id: string, type: string, note?: string) => call(username, 'POST', `/api/reports/${id}/events`, { type, ...(note ? { note } : {}) });

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  let village: string;
  beforeAll(async () => {
    s = await startTestServer({ kind });
    for (let i = 0; i < 3; i += 1) await create('agent-wx-ssd', 't-reported', '2025-02-10T09:00:00+08:00');
    for (let i = 0; i < 2; i += 1) await create('clerk-wx', 't-immediate', '2025-02-11T09:00:00+08:00');
    await create('agent-fq-fy', 't-reported', '2025-02-12T09:00:00+08:00');
    await create('agent-wx-ssd', 't-reported', '2025-03-03T09:00:00+08:00');
    s.clock.now = new Date('2025-03-05T09:00:00+08:00');
  });
  afterAll(() => s?.close());

  it('drafts a village’s month from the data with its indicator and source, and computes a draft again', async () => {
    const drafted = await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-02' });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    village = drafted.body.id;
    expect(drafted.body).toMatchObject({ org: { id: 'wx-ssd' }, reviewer: { id: 'wx' }, month: '2025-02', status: 'draft', locked: false, version: 1, actions: ['SUBMIT'] });
    expect(drafted.body.figures).toMatchObject({ from: '2025-02-01', to: '2025-02-28', total: { received: 3, agent: 3 }, rows: [], corrections: [] });
    // 3 cases over January and February: 1.5 a month, 92.5 % short of 20: 18 × 2 points.
    expect(drafted.body.figures.indicators).toEqual([
      expect.objectContaining({ code: 'village-monthly-average', target: 20, value: 1.5, met: false, deduction: 36, source: expect.objectContaining({ document: '五政〔2018〕24号', quote: '有实际存量办件，且月均办件量不少于 20 件，每少 5% 扣 2分。' }) }),
    ]);
    const again = await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-02' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: village, version: 2, status: 'draft' });
    expect((await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-04' })).status).toBe(400);
    expect((await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-13' })).status).toBe(400);
    expect((await call('head-wx', 'POST', '/api/reports', { orgId: 'wx-ssd', month: '2025-02' })).status).toBe(403);
  });

  it('is submitted to the township, returned with a note, submitted again and accepted; then locked', async () => {
    const march = await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-03' });
    expect((await event('agent-wx-ssd', march.body.id, 'SUBMIT')).body.error.code).toBe('MONTH_NOT_OVER');
    const submitted = await event('agent-wx-ssd', village, 'SUBMIT');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', statusLabel: '已上报', actions: [] });
    expect((await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-02' })).body.error.code).toBe('REPORT_EVENT_NOT_ALLOWED');
    expect((await event('clerk-wx', village, 'ACCEPT')).body.error.code).toBe('REPORT_EVENT_NOT_ALLOWED');
    expect((await event('head-fq', village, 'ACCEPT')).status).toBe(404);
    const noNote = await event('head-wx', village, 'RETURN');
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details[0].pointer).toBe('/note');
    const returned = await event('head-wx', village, 'RETURN', '代办件数与台账不符，请核对');
    expect(returned.body).toMatchObject({ status: 'returned', returnNote: '代办件数与台账不符，请核对' });
    expect((await call('agent-wx-ssd', 'GET', `/api/reports/${village}`)).body.actions).toEqual(['SUBMIT']);
    await event('agent-wx-ssd', village, 'SUBMIT');
    const accepted = await event('head-wx', village, 'ACCEPT');
    expect(accepted.body).toMatchObject({ status: 'accepted', locked: true, returnNote: null });
    expect(accepted.body.history.map((h: { label: string; actor: string }) => [h.label, h.actor])).toEqual([
      ['编制', '十四都代办员'], ['上报', '十四都代办员'], ['退回', '五泄中心主任'], ['上报', '十四都代办员'], ['审核通过', '五泄中心主任'],
    ]);
    expect((await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-02' })).body.error.code).toBe('REPORT_LOCKED');
    expect((await event('head-wx', village, 'RETURN', '再退')).body.error.code).toBe('REPORT_LOCKED');
  });

  it('puts a later change to a locked month into the next month’s draft as a correction; the locked figures stay', async () => {
    await create('agent-wx-ssd', 't-reported', '2025-02-27T16:00:00+08:00'); // entered late, on February's books
    s.clock.now = new Date('2025-04-02T09:00:00+08:00');
    const march = await call('agent-wx-ssd', 'POST', '/api/reports', { month: '2025-03' });
    expect(march.status).toBe(200);
    expect(march.body.figures.corrections).toEqual([{ month: '2025-02', field: 'received', reported: 3, now: 4 }, { month: '2025-02', field: 'agent', reported: 3, now: 4 }]);
    expect(march.body.figures.correctionNote).toContain('2025-02 月报表已审核锁定');
    expect((await call('head-wx', 'GET', `/api/reports/${village}`)).body.figures.total.received).toBe(3);
  });

  it('rolls the township up to the county and the county up to itself; lists what was reported', async () => {
    const township = await call('head-wx', 'POST', '/api/reports', { month: '2025-02' });
    expect(township.status).toBe(201);
    expect(township.body.figures.rows.map((r: { key: string; received: number }) => [r.key, r.received])).toEqual([['wx-ssd', 4], ['wx', 2], ['wx-qk', 0]]);
    const indicators = Object.fromEntries(township.body.figures.indicators.map((i: { code: string }) => [i.code, i]));
    expect(indicators['township-annual']).toMatchObject({ value: 6, projected: 36, met: false, source: { document: '涵政办规〔2023〕1号' } });
    expect(indicators['village-monthly-average']).toMatchObject({ value: null, judged: 2, short: [{ id: 'wx-qk', value: 0 }, { id: 'wx-ssd', value: 2 }] });
    await event('head-wx', township.body.id, 'SUBMIT');
    expect((await event('supervisor', township.body.id, 'ACCEPT')).body.status).toBe('accepted');

    const county = await call('supervisor', 'POST', '/api/reports', { month: '2025-02' });
    expect(county.body).toMatchObject({ reviewer: { id: 'zj' }, actions: ['ACCEPT'], figures: { total: { received: 7 } } });
    expect(county.body.figures.rows.map((r: { key: string; received: number }) => [r.key, r.received])).toEqual([['wx', 6], ['fq', 1]]);
    expect((await event('supervisor', county.body.id, 'ACCEPT')).body.status).toBe('accepted');

    const list = await call('supervisor', 'GET', '/api/reports?month=2025-02');
    expect(list.body.items.map((r: { org: { id: string }; status: string }) => [r.org.id, r.status])).toEqual([['wx', 'accepted'], ['wx-ssd', 'accepted'], ['zj', 'accepted']]);
    expect((await call('head-fq', 'GET', '/api/reports?month=2025-02')).body.items).toEqual([]);
  });

  it('exports a report as .xlsx (read back) and prints it sealed once submitted', async () => {
    const xlsx = await call('head-wx', 'GET', `/api/reports/${village}.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const main = book.getWorksheet('月报')!;
    expect(main.getRow(1).getCell(1).value).toBe('五泄镇十四都村便民服务站2025年02月便民服务月报');
    expect(main.getRow(6).values).toEqual([undefined, '收件', '3']);
    const indicator = book.getWorksheet('考核指标')!.getRow(2);
    expect(indicator.getCell(1).value).toBe('村级月均办件量');
    expect(String(indicator.getCell(7).value)).toContain('五政〔2018〕24号');

    const pdf = await call('head-wx', 'GET', `/api/reports/${village}.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const use = await s.database.db('seal_uses').where({ document_number: '十四都月报〔2025-02〕' }).first();
    expect(use.digest).toBe(Buffer.from(sm3Digest(bytes)).toString('hex'));
    // A draft prints unsealed.
    const march = (await call('agent-wx-ssd', 'GET', '/api/reports?orgId=wx-ssd&month=2025-03')).body.items[0];
    expect((await call('agent-wx-ssd', 'GET', `/api/reports/${march.id}.pdf`)).status).toBe(200);
    expect(await s.database.db('seal_uses').where({ document_number: '十四都月报〔2025-03〕' }).first()).toBeUndefined();
    expect((await call('head-wx', 'GET', '/api/reports/not-a-report')).status).toBe(400);
  });
});
