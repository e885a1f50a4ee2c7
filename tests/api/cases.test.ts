// The case engine through the HTTP API: one scenario per procedure kind to its end, correction with
// the clock paused, refusal, referral, withdrawal, a reported case crossing village → township →
// county and back, and the refusals (409 illegal / stale, 400 invalid data with nothing written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Every scenario runs on SQLite and on PostgreSQL: the stores run the same steps through different SQL
// (placeholders, JSON columns, row locks, the order numbers are taken in).
let s: TestServer;

/** The case a step answers with (built from what the engine wrote) is the case as stored. */
async function expectStoredAsAnswered(username: string, answered: { id: string }) {
  const stored = await s.call(await s.login(username), 'GET', `/api/cases/${answered.id}`);
  expect(stored.body).toEqual(answered);
}

async function create(username: string, itemCode: string, extra: Record<string, unknown> = {}) {
  const res = await s.call(await s.login(username), 'POST', '/api/cases', {
    itemCode,
    data: applicationData(),
    materials: { 'id-card': 'provided', 'bank-card': 'provided' },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await expectStoredAsAnswered(username, res.body);
  return res.body;
}

async function send(username: string, id: string, type: string, payload?: unknown, expectedVersion?: number) {
  return s.call(await s.login(username), 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}), ...(expectedVersion ? { expectedVersion } : {}) });
}

async function step(username: string, id: string, type: string, payload?: unknown) {
  s.clock.now = new Date(s.clock.now.getTime() + 60_000);
  const res = await send(username, id, type, payload);
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  await expectStoredAsAnswered(username, res.body);
  return res.body;
}

const kinds = (c: { documents: { kind: string }[] }) => c.documents.map((d) => d.kind);

describe.each(['sqlite', 'postgres'] as const)('the case API on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  describe('immediate case 即办件', () => {
    it('goes received → accepted → approved → delivering → concluded with its documents', async () => {
      const c = await create('clerk-wx', 't-immediate');
      expect(c.state).toBe('received');
      expect(c.number).toMatch(/^WX20250303\d{4}$/);
      expect(c.actions).toEqual(expect.arrayContaining(['ACCEPT', 'REQUEST_CORRECTION', 'REFUSE', 'REFER', 'WITHDRAW']));
      expect((await step('clerk-wx', c.id, 'ACCEPT')).state).toBe('accepted');
      expect((await step('clerk-wx', c.id, 'APPROVE', { opinion: '符合条件' })).state).toBe('approved');
      const sealed = await step('clerk-wx', c.id, 'SEAL');
      expect(sealed.state).toBe('delivering');
      const done = await step('clerk-wx', c.id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' });
      expect(done.state).toBe('concluded');
      expect(done.open).toBe(false);
      expect(done.actions).toEqual([]);
      expect(kinds(done)).toEqual(['acceptance-receipt', 'result', 'delivery-receipt']);
      expect(done.documents[0].number).toMatch(/^五泄便受〔2025〕\d+号$/);
      expect(done.history.map((h: { event: string }) => h.event)).toEqual(['RECEIVE', 'ACCEPT', 'APPROVE', 'SEAL', 'DELIVER']);
      expect(done.deadlines.target.exceeded).toBe(false);
    });
  });

  describe('electronic delivery 电子送达', () => {
    it('hands the applicant a signed, expiring link to the sealed result, and refuses a forged one', async () => {
      const c = await create('clerk-wx', 't-immediate');
      await step('clerk-wx', c.id, 'ACCEPT');
      await step('clerk-wx', c.id, 'APPROVE', { opinion: '同意' });
      await step('clerk-wx', c.id, 'SEAL');
      const done = await step('clerk-wx', c.id, 'DELIVER', { mode: 'electronic' });
      // The delivery receipt records the link it delivered.
      const row = await s.database.db('documents').where({ id: done.documents.at(-1).id }).first('content');
      const url = new URL(JSON.parse(row.content).input.caseInfo.delivery.fields.downloadUrl);
      expect(url.pathname).toMatch(/^\/api\/public\/documents\/[0-9a-f-]{36}\.pdf$/);
      const pdf = await s.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const sig = url.searchParams.get('sig')!;
      // A forged signature: its first character changed (to one it is not already).
      url.searchParams.set('sig', (sig.startsWith('x') ? 'y' : 'x') + sig.slice(1));
      expect((await s.app.inject({ method: 'GET', url: url.pathname + url.search })).statusCode).toBe(403);
    });
  });

  describe('promised case 承诺件', () => {
    it('runs its review steps with roles, pauses the clock during correction and site inspection, and concludes', async () => {
      const c = await create('clerk-wx', 't-promised', { materials: { 'id-card': 'missing', 'bank-card': 'provided' } });
      expect(c.actions).not.toContain('ACCEPT'); // a required material is missing
      const notice = await step('clerk-wx', c.id, 'REQUEST_CORRECTION', { missing: ['id-card'], note: '请补交身份证原件', problems: { 'id-card': '未提交' } });
      expect(notice.state).toBe('correcting');
      expect(notice.deadlines.correctionDueAt).toBeTruthy();
      expect(kinds(notice)).toEqual(['one-time-notice']);
      const back = await step('clerk-wx', c.id, 'SUPPLEMENT', { provided: ['id-card'] });
      expect(back.state).toBe('received');
      expect(back.materials['id-card']).toBe('provided');
      const accepted = await step('clerk-wx', c.id, 'ACCEPT');
      expect(accepted.state).toBe('reviewing.firstReview');
      expect(accepted.deadlines.acceptedAt).toBeTruthy();
      // Accepted Monday 2025-03-03: 5 working days later is Monday 2025-03-10.
      expect(accepted.deadlines.dueAt).toBe('2025-03-10T15:59:59.999Z');
      expect(accepted.deadlines.status).toBe('green');
      // The approver is not the first step's role, but may act in every step (approver override).
      const inspection = await step('clerk-wx', c.id, 'APPROVE', { opinion: '初审通过' });
      expect(inspection.state).toBe('reviewing.siteInspection');
      expect(inspection.deadlines.status).toBe('paused');
      // Two working days of site inspection do not count.
      s.clock.now = new Date('2025-03-05T10:00:00+08:00');
      const final = await step('clerk-wx', c.id, 'APPROVE', { opinion: '现场勘查属实' });
      expect(final.state).toBe('reviewing.finalReview');
      expect(final.deadlines.dueAt > accepted.deadlines.dueAt).toBe(true);
      expect(final.actions).not.toContain('APPROVE'); // clerk cannot approve the approver's step
      const refused = await send('clerk-wx', c.id, 'APPROVE', { opinion: 'x' });
      expect(refused.status).toBe(403);
      const approved = await step('approver-wx', c.id, 'APPROVE', { opinion: '同意' });
      expect(approved.state).toBe('approved');
      await step('clerk-wx', c.id, 'SEAL');
      const done = await step('clerk-wx', c.id, 'DELIVER', { mode: 'postal', carrier: 'EMS', trackingNumber: 'EA123456789CN' });
      expect(done.state).toBe('concluded');
      expect(kinds(done)).toEqual(['one-time-notice', 'acceptance-receipt', 'result', 'delivery-receipt']);
    });

    it('is denied with a written reason and still delivers the decision', async () => {
      const c = await create('clerk-wx', 't-promised');
      await step('clerk-wx', c.id, 'ACCEPT');
      const missingReason = await send('clerk-wx', c.id, 'DENY', {});
      expect(missingReason.status).toBe(400);
      expect(missingReason.body.error.details[0].pointer).toBe('/payload/reason');
      const denied = await step('approver-wx', c.id, 'DENY', { reason: '不符合申领条件' });
      expect(denied.state).toBe('denied');
      await step('clerk-wx', c.id, 'SEAL');
      const done = await step('clerk-wx', c.id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' });
      expect(kinds(done)).toEqual(['acceptance-receipt', 'decision', 'delivery-receipt']);
    });
  });

  describe('reported case 上报件', () => {
    it('crosses village → township → county and returns to the village for delivery', async () => {
      const c = await create('agent-wx-ssd', 't-reported');
      expect(c.receivingOrg.id).toBe('wx-ssd');
      await step('agent-wx-ssd', c.id, 'ACCEPT');
      const atTownship = await step('agent-wx-ssd', c.id, 'REPORT');
      expect(atTownship.state).toBe('reported');
      expect(atTownship.currentOrg.id).toBe('wx');
      // It appears in the township's inbox, not in another township's.
      const inbox = await s.call(await s.login('clerk-wx'), 'GET', '/api/cases?inbox=true');
      expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
      expect((await s.call(await s.login('clerk-fq'), 'GET', `/api/cases/${c.id}`)).status).toBe(404);
      const decideTooLow = await send('approver-wx', c.id, 'DECIDE', { approved: true });
      expect(decideTooLow.status).toBe(409);
      const atCounty = await step('clerk-wx', c.id, 'REPORT');
      expect(atCounty.currentOrg.id).toBe('zj');
      const decided = await step('approver-zj', c.id, 'DECIDE', { approved: true, opinion: '同意' });
      expect(decided.state).toBe('approved');
      const sealed = await step('approver-zj', c.id, 'SEAL');
      expect(sealed.state).toBe('delivering');
      expect(sealed.currentOrg.id).toBe('wx-ssd');
      const result = sealed.documents.find((d: { kind: string }) => d.kind === 'result');
      expect(result.number).toMatch(/^诸暨政证〔2025〕\d+号$/);
      const done = await step('agent-wx-ssd', c.id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' });
      expect(done.state).toBe('concluded');
      expect(done.documents.at(-1).number).toMatch(/^十四都送/);
    });
  });

  describe('returned case 退办件', () => {
    it('refers the applicant to who handles it, hands materials back and closes', async () => {
      const c = await create('clerk-wx', 't-returned');
      expect(c.actions).not.toContain('ACCEPT');
      const referred = await step('clerk-wx', c.id, 'REFER', { reason: '供水开户由供水企业办理' });
      expect(referred.state).toBe('returned.handingBack');
      await step('clerk-wx', c.id, 'RETURN_MATERIALS');
      const closed = await step('clerk-wx', c.id, 'CONFIRM_RECEIPT');
      expect(closed.state).toBe('returned.closed');
      expect(closed.open).toBe(false);
      expect(kinds(closed)).toEqual(['referral-notice', 'materials-returned']);
    });

    it('refuses another kind with a written reason', async () => {
      const c = await create('clerk-wx', 't-immediate');
      const refused = await step('clerk-wx', c.id, 'REFUSE', { reason: '申请人户籍不在本镇', ground: 'not-competent' });
      expect(refused.state).toBe('returned.handingBack');
      expect(kinds(refused)).toEqual(['refusal-decision']);
    });

    it('withdraws at the applicant request and accepts nothing more', async () => {
      const c = await create('clerk-wx', 't-promised');
      await step('clerk-wx', c.id, 'ACCEPT');
      const withdrawn = await step('clerk-wx', c.id, 'WITHDRAW', { reason: '申请人撤回' });
      expect(withdrawn.state).toBe('withdrawn');
      expect((await send('clerk-wx', c.id, 'APPROVE', { opinion: 'x' })).status).toBe(409);
    });
  });

  describe('refusals', () => {
    it('answers 409 for an event the state does not take and for a stale version', async () => {
      const c = await create('clerk-wx', 't-immediate');
      const illegal = await send('clerk-wx', c.id, 'SEAL');
      expect(illegal.status).toBe(409);
      expect(illegal.body.error.code).toBe('EVENT_NOT_ALLOWED');
      expect((await send('clerk-wx', c.id, 'ACCEPT', undefined, c.version)).status).toBe(200);
      const stale = await send('clerk-wx', c.id, 'APPROVE', { opinion: 'x' }, c.version);
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('STALE_VERSION');
    });

    it('says first whether the user may send the event now, then what is wrong with its payload', async () => {
      const c = await create('clerk-wx', 't-immediate');
      // Not taken in this state (409) or not by this role (403), whatever the payload holds.
      const sealed = await send('clerk-wx', c.id, 'SEAL', { note: '' });
      expect([sealed.status, sealed.body.error.code]).toEqual([409, 'EVENT_NOT_ALLOWED']);
      const byApprover = await send('approver-wx', c.id, 'REFUSE', {});
      expect([byApprover.status, byApprover.body.error.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
      // The clerk may refuse, but not without a written reason; nothing is written.
      const noReason = await send('clerk-wx', c.id, 'REFUSE', {});
      expect([noReason.status, noReason.body.error.code]).toEqual([400, 'INVALID_EVENT_PAYLOAD']);
      expect(noReason.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain('/payload/reason');
      const stored = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.id}`);
      expect([stored.body.state, stored.body.version]).toEqual([c.state, c.version]);
    });

    it('answers 400 listing every invalid field by JSON pointer, and writes nothing', async () => {
      const count = async () => Number((await s.database.db('cases').count({ n: '*' }))[0]!.n);
      const before = await count();
      const res = await s.call(await s.login('clerk-wx'), 'POST', '/api/cases', {
        itemCode: 't-immediate',
        data: { applicant: { name: '张', idNumber: '330681198001010000', phone: '12345' }, amount: -1 },
        materials: { 'id-card': 'waived', unknown: 'provided' },
      });
      expect(res.status).toBe(400);
      const pointers = res.body.error.details.map((d: { pointer: string }) => d.pointer);
      expect(pointers).toEqual(expect.arrayContaining(['/data/applicant/name', '/data/applicant/idNumber', '/data/applicant/phone', '/data/amount', '/materials/id-card', '/materials/unknown']));
      for (const d of res.body.error.details) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await count()).toBe(before);
    });

    it('keeps cases of one township from the clerks of another', async () => {
      const c = await create('clerk-wx', 't-immediate');
      expect((await s.call(await s.login('clerk-fq'), 'GET', `/api/cases/${c.id}`)).status).toBe(404);
      expect((await send('clerk-fq', c.id, 'ACCEPT')).status).toBe(404);
      expect((await s.call(await s.login('clerk-zj'), 'GET', `/api/cases/${c.id}`)).status).toBe(200);
    });
  });
});
