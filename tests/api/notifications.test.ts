// Milestone notifications to the applicant: what the message says (case, item, promised date, the
// reason of a refusal, the centre's name and phone), and that a message carried in the outbox row
// by its step reads the same as one filled from the case afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannel, OutgoingMessage } from '../../core/src/notify/index.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const sent: OutgoingMessage[] = [];
const sms: NotificationChannel = {
  name: 'sms',
  address: (to) => to.phone,
  send: async (message) => {
    sent.push(message);
  },
};

let s: TestServer;

const drain = () => s.started.runtime.outbox.drain();

async function receive(): Promise<{ id: string; number: string }> {
  const clerk = await s.login('clerk-wx');
  const c = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
  expect(c.status).toBe(201);
  return c.body;
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind, runtime: { channels: [sms] } });
  });
  afterAll(() => s?.close());

  describe('applicant notifications', () => {
    it('tells the applicant of acceptance with the case number, the item and the promised date', async () => {
      s.clock.now = new Date('2025-03-03T09:00:00+08:00');
      const c = await receive();
      sent.length = 0;
      const accepted = await s.call(await s.login('clerk-wx'), 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' });
      expect(accepted.status).toBe(200);
      await drain();
      expect(sent).toHaveLength(1);
      const [message] = sent;
      expect(message!.recipient).toBe('13905751234');
      expect(message!.subject).toContain(c.number);
      // t-promised promises 5 working days: Monday 2025-03-03 + 5 = Monday 2025-03-10.
      expect(message!.body).toContain('承诺办结日期：2025/3/10。');
      expect(message!.body).toMatch(/五泄镇便民服务中心/);
    });

    it('gives the refusal reason the clerk wrote', async () => {
      const c = await receive();
      sent.length = 0;
      const refused = await s.call(await s.login('clerk-wx'), 'POST', `/api/cases/${c.id}/events`, { type: 'REFUSE', payload: { reason: '申请人户籍不在本镇', ground: 'not-competent' } });
      expect(refused.status).toBe(200);
      await drain();
      expect(sent.map((m) => m.body).join('\n')).toContain('申请人户籍不在本镇');
      // 好差评 by SMS link: a refusal is open to evaluation, and the message says where.
      expect(sent[0]!.body).toContain(`欢迎对本次服务评价：http://127.0.0.1:3000/public/progress?number=${c.number}&channel=sms`);
    });

    it('reads the same when the row carries no message and the worker fills it from the case', async () => {
      const c = await receive();
      sent.length = 0;
      await s.call(await s.login('clerk-wx'), 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' });
      await drain();
      const db = s.database.db;
      const row = await db('outbox').where({ case_id: c.id, kind: 'notify' }).first();
      expect(JSON.parse(row.payload).message).toBeDefined();
      // The same effect as an older version (or the sweeper) writes it: template and audience only.
      await db('outbox').insert({ ...row, id: undefined, effect_id: `${row.effect_id}:again`, payload: JSON.stringify({ template: 'accepted', to: 'applicant' }), status: 'pending', claimed_by: null, claimed_until: null, done_at: null });
      await drain();
      expect(sent).toHaveLength(2);
      expect({ subject: sent[1]!.subject, body: sent[1]!.body, recipient: sent[1]!.recipient }).toEqual({ subject: sent[0]!.subject, body: sent[0]!.body, recipient: sent[0]!.recipient });
    });
  });
});
