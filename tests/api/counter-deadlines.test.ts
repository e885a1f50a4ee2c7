// Deadlines never stop the counter (issue 14, points 1–3): a December acceptance whose due date runs
// into a year nobody entered gets a provisional date, marked in the case, the queue and the receipt,
// and recomputed when the admin records the year; admins are told from 1 October which year is
// missing; a restarted server computes over the entered years from its first request; an immediate
// item's own target is shown, sorted by and flagged.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingCalendarYears } from '../../core/src/calendar/index.ts';
import { remindMissingCalendarYears } from '../../core/src/notify/index.ts';
import { createRuntime } from '../../core/src/runtime/create-runtime.ts';
import { buildServer } from '../../core/src/server/build-server.ts';
import { applicationData, TEST_ITEMS, testItem, writeTestPlugin } from '../support/test-items.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
const MATERIALS = { 'id-card': 'provided', 'bank-card': 'provided' };
const pluginDir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-deadlines-')), 'plugin-test'), [
  ...TEST_ITEMS,
  testItem('t-quick', { kind: 'immediate', targetMinutes: 30 }),
]);

async function create(itemCode: string) {
  const res = await s.call(await s.login('clerk-wx'), 'POST', '/api/cases', { itemCode, data: applicationData(), materials: MATERIALS });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function accept(id: string) {
  const res = await s.call(await s.login('clerk-wx'), 'POST', `/api/cases/${id}/events`, { type: 'ACCEPT' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const queueItem = async (id: string) => {
  const page = await s.call(await s.login('clerk-wx'), 'GET', '/api/cases?open=true&limit=200');
  expect(page.status).toBe(200);
  return page.body.items.find((i: { id: string }) => i.id === id);
};

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind, runtime: { pluginFolders: [pluginDir] } });
  });
  afterAll(() => s?.close());

  describe('December: a due date in a year nobody entered', () => {
    it('accepts the case with a provisional due date, marked in the case, the queue and the receipt', async () => {
      // Monday 28 December 2026; 2027 ships no schedule. 5 working days: 29, 30, 31 Dec, then
      // 元旦 (1 Jan, provisional) and the weekend are skipped: 4 and 5 January.
      s.clock.now = new Date('2026-12-28T09:00:00+08:00');
      const c = await create('t-promised');
      const accepted = await accept(c.id);
      expect(accepted.deadlines.dueAt).toBe('2027-01-05T15:59:59.999Z');
      expect(accepted.deadlines.provisional).toBe(true);
      expect(accepted.deadlines.flags).toContain('provisional');

      const listed = await queueItem(c.id);
      expect(listed.dueAt).toBe('2027-01-05T15:59:59.999Z');
      expect(listed.dueProvisional).toBe(true);
      expect(listed.flags).toContain('provisional');

      const receipt = accepted.documents.find((d: { kind: string }) => d.kind === 'acceptance-receipt');
      const html = await s.call(await s.login('clerk-wx'), 'GET', receipt.htmlUrl);
      expect(html.status).toBe(200);
      const text = String(html.body);
      expect(text).toContain('2027年1月5日（暂定）前办结');
      expect(text).toContain('2027年节假日安排公布后');
    });

    it('names the missing year to admins from 1 October: a banner status and one inbox message each', async () => {
      const admin = await s.login('admin', ADMIN_PASSWORD);
      s.clock.now = new Date('2026-09-30T12:00:00+08:00');
      expect((await s.call(admin, 'GET', '/api/admin/calendar-status')).body.missing).toEqual([]);
      expect(await remindMissingCalendarYears(s.database.db, await missingCalendarYears(s.database.db, s.clock.now), s.clock.now)).toBe(0);

      s.clock.now = new Date('2026-10-01T08:00:00+08:00');
      const status = await s.call(await s.login('admin', ADMIN_PASSWORD), 'GET', '/api/admin/calendar-status');
      expect(status.status).toBe(200);
      expect(status.body.missing.map((m: { year: number }) => m.year)).toEqual([2027]);
      expect(status.body.missing[0].message).toContain('2027 年的工作日历');
      // Only administrators configure the calendar.
      expect((await s.call(await s.login('clerk-wx'), 'GET', '/api/admin/calendar-status')).status).toBe(403);

      for (let i = 0; i < 2; i++) await remindMissingCalendarYears(s.database.db, await missingCalendarYears(s.database.db, s.clock.now), s.clock.now);
      const inbox = await s.call(await s.login('admin', ADMIN_PASSWORD), 'GET', '/api/inbox');
      expect(inbox.status).toBe(200);
      const reminders = inbox.body.items.filter((m: { link: { kind: string } | null }) => m.link?.kind === 'calendar-year');
      expect(reminders).toHaveLength(1);
      expect(reminders[0].title).toBe('请录入 2027 年工作日历');
      expect((await s.call(await s.login('admin-wx'), 'GET', '/api/inbox')).body.items.some((m: { title: string }) => m.title.includes('2027'))).toBe(true);
      // A clerk is not told to configure anything.
      expect((await s.call(await s.login('clerk-wx'), 'GET', '/api/inbox')).body.items.some((m: { title: string }) => m.title.includes('2027'))).toBe(false);
    });

    it('recomputes every open case due in the year when the admin records it, and the mark goes', async () => {
      s.clock.now = new Date('2026-12-28T10:00:00+08:00');
      const c = await create('t-promised');
      await accept(c.id);
      const admin = await s.login('admin', ADMIN_PASSWORD);
      // The notice adds 4 January to 元旦 (hypothetically): the due date moves a working day on.
      const saved = await s.call(admin, 'PUT', '/api/admin/calendar/2027', {
        region: '全国',
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-01-04', kind: 'holiday', name: '元旦' },
        ],
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.recomputedCases).toBeGreaterThanOrEqual(2);

      const view = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.id}`);
      expect(view.body.deadlines.dueAt).toBe('2027-01-06T15:59:59.999Z');
      expect(view.body.deadlines.provisional).toBe(false);
      expect(view.body.deadlines.flags).not.toContain('provisional');
      const listed = await queueItem(c.id);
      expect(listed.dueAt).toBe('2027-01-06T15:59:59.999Z');
      expect(listed.dueProvisional).toBe(false);
      // The sweeper's rows moved with it: the overdue notice fires after the new date.
      const timers = await s.database.db('deadlines').where({ case_id: c.id }).whereNull('fired_at').select('kind', 'due_at');
      expect(timers.find((t: { kind: string }) => t.kind === 'promised-overdue')?.due_at).toBe('2027-01-06T15:59:59.999Z');
      expect(timers.find((t: { kind: string }) => t.kind === 'promised-warning')?.due_at).toBe('2027-01-04T16:00:00.000Z');
      // Recorded: no longer missing.
      expect((await s.call(admin, 'GET', '/api/admin/calendar-status')).body.missing).toEqual([]);
    });
  });

  describe('after a restart', () => {
    it('serves the queue and an accepted case from its first request, over the entered year', async () => {
      // Tuesday 29 September 2026: the official 2026 schedule has 国庆 1–7 October and 10 October
      // worked, so the 5th working day is 12 October (a provisional year would say 9 October).
      s.clock.now = new Date('2026-09-29T09:00:00+08:00');
      const c = await create('t-promised');
      const accepted = await accept(c.id);
      expect(accepted.deadlines.dueAt).toBe('2026-10-12T15:59:59.999Z');

      const restarted = await createRuntime({
        db: s.database.db,
        env: { BIANMIN_ADMIN_PASSWORD: ADMIN_PASSWORD, BIANMIN_SECRET: 'test-secret-test-secret-test-secret!' },
        pluginFolders: [pluginDir],
        onlyPluginFolders: true,
        now: () => new Date('2026-09-29T09:30:00+08:00'),
        channels: [],
      });
      const app = await buildServer(restarted.runtime, { webRoot: '/nonexistent' });
      try {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-wx', password: DEMO_PASSWORD } });
        const headers = { authorization: `Bearer ${login.json().token}` };
        const queue = await app.inject({ method: 'GET', url: '/api/cases', headers });
        expect(queue.statusCode, queue.body).toBe(200);
        const view = await app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers });
        expect(view.statusCode, view.body).toBe(200);
        expect(view.json().deadlines.dueAt).toBe('2026-10-12T15:59:59.999Z');
        expect(view.json().deadlines.provisional).toBe(false);
      } finally {
        await app.close();
        await restarted.close();
      }
    });
  });

  describe('即办件 with their own target', () => {
    it('shows the item’s target, sorts the queue by it and flags it once passed', async () => {
      s.clock.now = new Date('2025-06-02T09:00:00+08:00');
      const promised = await create('t-promised');
      await accept(promised.id);
      const hour = await create('t-immediate');
      const quick = await create('t-quick');
      expect(quick.deadlines.target).toMatchObject({ targetAt: '2025-06-02T01:30:00.000Z', targetMinutes: 30, exceeded: false });
      expect(hour.deadlines.target).toMatchObject({ targetAt: '2025-06-02T02:00:00.000Z', targetMinutes: 60 });

      const page = await s.call(await s.login('clerk-wx'), 'GET', '/api/cases?open=true&limit=200');
      const order = page.body.items.map((i: { id: string }) => i.id);
      // Due first, first: the 30-minute case, the 60-minute one, then the promised one (due in days).
      expect(order.indexOf(quick.id)).toBeLessThan(order.indexOf(hour.id));
      expect(order.indexOf(hour.id)).toBeLessThan(order.indexOf(promised.id));
      const listed = page.body.items.find((i: { id: string }) => i.id === quick.id);
      expect(listed.target).toMatchObject({ targetAt: '2025-06-02T01:30:00.000Z', targetMinutes: 30 });

      s.clock.now = new Date('2025-06-02T09:31:00+08:00');
      const late = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${quick.id}`);
      expect(late.body.deadlines.target.exceeded).toBe(true);
      expect(late.body.deadlines.flags).toContain('overTarget');
      const lateItem = await queueItem(quick.id);
      expect(lateItem.flags).toContain('overTarget');
      expect(lateItem.deadlineStatus).toBe('red');
      // The 60-minute case is still within its target.
      expect((await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${hour.id}`)).body.deadlines.flags).not.toContain('overTarget');
    });
  });
});
