// What a counter writes down reaches the paper (issue 14, points 9 and 10): the one-time notice
// prints the clerk's note and only what must really be corrected; a denial's reasons and an
// approver's opinion reach the documents SEAL issues; concluding with a 容缺 material never handed
// in is refused until the clerk confirms, and the history names the materials and who confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

interface Doc { id: string; kind: string }
interface Content { paragraphs: string[]; tables: { rows: string[][] }[] }

async function create(materials: Record<string, string>) {
  const res = await s.call(await s.login('clerk-wx'), 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

async function send(username: string, id: string, type: string, payload?: Record<string, unknown>) {
  s.clock.now = new Date(s.clock.now.getTime() + 60_000);
  return s.call(await s.login(username), 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) });
}

async function step(username: string, id: string, type: string, payload?: Record<string, unknown>) {
  const res = await send(username, id, type, payload);
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as { state: string; version: number; documents: Doc[]; history: { event: string; by: string; payload: Record<string, unknown> }[] };
}

async function content(c: { documents: Doc[] }, kind: string): Promise<Content> {
  const doc = c.documents.filter((d) => d.kind === kind).at(-1)!;
  const res = await s.call(await s.login('clerk-wx'), 'GET', `/api/documents/${doc.id}.json`);
  expect(res.status).toBe(200);
  return res.body.content as Content;
}

const text = (c: Content) => [...c.paragraphs, ...(c.tables ?? []).flatMap((t) => t.rows.flat())].join('\n');

describe.each(['sqlite', 'postgres'] as const)('what the counter records, on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('prints the correction note on the one-time notice, and lists a 容缺 material only when the clerk names it', async () => {
    const c = await create({ 'id-card': 'missing', 'bank-card': 'waived' });
    const note = '身份证已过有效期，请携带有效期内的居民身份证';
    const corrected = await step('clerk-wx', c.id, 'REQUEST_CORRECTION', { missing: ['id-card'], note });
    const notice = await content(corrected, 'one-time-notice');
    expect(notice.paragraphs).toContain(`补正说明：${note}。`);
    expect(notice.tables[0]!.rows.map((r) => r[1])).toEqual(['居民身份证']);
    expect(corrected.history.at(-1)).toMatchObject({ event: 'REQUEST_CORRECTION', payload: { note } });
  });

  it('prints a denial\'s reasons on the 决定书 that SEAL issues after the DENY', async () => {
    const c = await create({ 'id-card': 'provided', 'bank-card': 'provided' });
    await step('clerk-wx', c.id, 'ACCEPT');
    const reason = '经核查，申请人户籍不在本镇';
    await step('clerk-wx', c.id, 'DENY', { reason });
    const sealed = await step('clerk-wx', c.id, 'SEAL');
    expect(text(await content(sealed, 'decision'))).toContain(reason);
  });

  it('prints the approver\'s opinion on the result that SEAL issues after the APPROVE', async () => {
    const c = await create({ 'id-card': 'provided', 'bank-card': 'provided' });
    await step('clerk-wx', c.id, 'ACCEPT');
    const opinion = '经查户籍档案，记载属实，同意出具';
    const approved = await step('clerk-wx', c.id, 'APPROVE', { opinion });
    expect(approved.history.at(-1)).toMatchObject({ event: 'APPROVE', payload: { opinion } });
    const sealed = await step('clerk-wx', c.id, 'SEAL');
    expect(text(await content(sealed, 'result'))).toContain(opinion);
  });

  it('refuses to conclude while a 容缺 material is owed until the clerk confirms, and records who did', async () => {
    const c = await create({ 'id-card': 'provided', 'bank-card': 'waived' });
    await step('clerk-wx', c.id, 'ACCEPT');
    await step('clerk-wx', c.id, 'APPROVE', { opinion: '同意' });
    const sealed = await step('clerk-wx', c.id, 'SEAL');
    const deliver = { mode: 'window-pickup', recipientName: '张三' };
    const warned = await send('clerk-wx', c.id, 'DELIVER', deliver);
    expect(warned.status).toBe(409);
    expect(warned.body.error.code).toBe('WAIVED_MATERIALS_OWED');
    expect(warned.body.error.message).toContain('银行卡');
    expect(warned.body.error.details).toEqual([{ pointer: '/materials/bank-card', message: '「银行卡」容缺受理后尚未补交' }]);
    const unchanged = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.id}`);
    expect(unchanged.body).toMatchObject({ state: 'delivering', version: sealed.version });

    const done = await step('clerk-wx', c.id, 'DELIVER', { ...deliver, overrideOwedMaterials: true });
    expect(done.state).toBe('concluded');
    expect(done.history.at(-1)).toMatchObject({ event: 'DELIVER', by: '五泄窗口', payload: { owedMaterialsOverridden: ['bank-card'] } });
    expect(done.history.at(-1)!.payload).not.toHaveProperty('overrideOwedMaterials');
  });

  it('concludes without a warning once the 容缺 material was handed in', async () => {
    const c = await create({ 'id-card': 'provided', 'bank-card': 'waived' });
    await step('clerk-wx', c.id, 'ACCEPT');
    await step('clerk-wx', c.id, 'SUPPLEMENT', { provided: ['bank-card'] });
    await step('clerk-wx', c.id, 'APPROVE', { opinion: '同意' });
    await step('clerk-wx', c.id, 'SEAL');
    expect((await step('clerk-wx', c.id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' })).state).toBe('concluded');
  });

  it('takes 不适用 for optional materials only, and nothing is written when a required one is marked so', async () => {
    const before = await s.database.db('cases').count({ n: '*' }).first();
    const res = await s.call(await s.login('clerk-wx'), 'POST', '/api/cases', {
      itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'not-applicable', 'bank-card': 'provided' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({ pointer: '/materials/id-card', message: '「居民身份证」为必需材料，不能标为不适用' });
    expect(await s.database.db('cases').count({ n: '*' }).first()).toEqual(before);
  });

  it('lets the clerk accept an online application at once when the applicant marked every material', async () => {
    const applied = await s.call(null, 'POST', '/api/public/applications', {
      itemCode: 't-immediate', orgId: 'wx', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const row = await s.database.db('cases').where({ number: applied.body.number }).first('id');
    const opened = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${row.id}`);
    expect(opened.body.actions).toContain('ACCEPT');
    expect((await step('clerk-wx', row.id, 'ACCEPT')).state).toBe('accepted');
  });
});
