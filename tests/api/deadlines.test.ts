// Deadlines held in the database and fired by the sweeper: art. 32 deemed acceptance when no
// one-time notice follows an incomplete submission within 5 working days, the yellow and red lights
// of a promised case, and the staff notices they send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../core/src/cases/index.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const sweep = () => sweepDeadlines(s.database.db, s.started.runtime.engine, 'test-sweeper', new Date(s.clock.now));

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    // Default channels: the in-app inbox (no SMS gateway or SMTP server configured).
    s = await startTestServer({ kind, runtime: { channels: undefined } });
  });
  afterAll(() => s?.close());

  describe('deadlines fired by the sweeper', () => {
    it('flags an incomplete submission left without a one-time notice for 5 working days as deemed accepted', async () => {
      s.clock.now = new Date('2025-03-03T09:00:00+08:00');
      const clerk = await s.login('clerk-wx');
      const c = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'missing', 'bank-card': 'provided' } });
      expect(c.body.deadlines.timers.map((t: { kind: string }) => t.kind)).toContain('deemed-acceptance');
      // Friday 2025-03-07 is the 4th working day after: not yet.
      s.clock.now = new Date('2025-03-07T18:00:00+08:00');
      await sweep();
      expect((await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.body.id}`)).body.deadlines.flags).toEqual([]);
      // Tuesday 2025-03-11, after the 5th working day (Monday 03-10) ended.
      s.clock.now = new Date('2025-03-11T09:00:00+08:00');
      expect((await sweep()).fired).toBeGreaterThanOrEqual(1);
      const view = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.body.id}`);
      expect(view.body.deadlines.flags).toEqual(['deemedAccepted']);
      expect((await sweep()).fired).toBe(0); // fired once only
    });

    it('turns a promised case yellow on its last working day and red after it, warning the staff', async () => {
      s.clock.now = new Date('2025-03-03T09:00:00+08:00');
      const clerk = await s.login('clerk-wx');
      const c = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
      const accepted = await s.call(clerk, 'POST', `/api/cases/${c.body.id}/events`, { type: 'ACCEPT' });
      expect(accepted.body.deadlines.dueAt).toBe('2025-03-10T15:59:59.999Z');
      s.clock.now = new Date('2025-03-07T09:00:00+08:00');
      await sweep();
      const yellow = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.body.id}`);
      expect(yellow.body.deadlines.status).toBe('yellow');
      s.clock.now = new Date('2025-03-11T09:00:00+08:00');
      await sweep();
      const red = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.body.id}`);
      expect(red.body.deadlines.status).toBe('red');
      const overdue = await s.call(await s.login('clerk-wx'), 'GET', '/api/cases?overdue=true');
      expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(c.body.id);
      await s.started.runtime.outbox.drain();
      const notices = await s.database.db('inbox_messages').where({ case_id: c.body.id }).pluck('title');
      expect(notices.some((t: string) => /即将超期|临近/.test(t))).toBe(true);
      expect(notices.some((t: string) => /超期/.test(t))).toBe(true);
    });
  });
});
